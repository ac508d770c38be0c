package dev.tusk.it.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Linux's /proc/net/tcp and tcp6: which TCP connection a socket inode is. */
final class TcpTable {

  private TcpTable() {}

  /**
   * Every TCP socket of the machine by inode, as {@code localPort->remotePort stState}; empty where
   * there is no /proc.
   */
  static Map<String, String> byInode() {
    Map<String, String> connections = new HashMap<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try {
        for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
          String[] fields = line.trim().split("\\s+");
          connections.put(fields[9], port(fields[1]) + "->" + port(fields[2]) + " st" + fields[3]);
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or the table changed while read: fewer sockets are seen
      }
    }
    return connections;
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
  }
}
