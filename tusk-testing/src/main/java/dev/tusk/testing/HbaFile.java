package dev.tusk.testing;

import java.util.List;

/** The embedded server's {@code pg_hba.conf}: each {@link TestRole} with its method, then trust. */
final class HbaFile {

  /** Empty for {@code local} (Unix-socket) lines, else the loopback networks. */
  private static final List<String> ADDRESSES = List.of("", "127.0.0.1/32", "::1/128");

  private HbaFile() {}

  /** The file's text. The first matching line wins, so the catch-all comes last. */
  static String contents() {
    StringBuilder out = new StringBuilder("# Written by Tusk's PostgresServer.\n");
    for (String address : ADDRESSES) {
      for (TestRole role : TestRole.values()) {
        appendLine(out, address, role.user(), role.method());
      }
      appendLine(out, address, "all", "trust");
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, String address, String user, String method) {
    String type = address.isEmpty() ? "local" : "host";
    out.append(String.format("%-6s all %-14s %-13s %s\n", type, user, address, method));
  }
}
