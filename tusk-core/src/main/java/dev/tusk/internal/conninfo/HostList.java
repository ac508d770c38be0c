package dev.tusk.internal.conninfo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the servers to try from {@code host}, {@code hostaddr} and {@code port}, each a
 * comma-separated list. An empty list element means the default: port 5432, and for the host, as in
 * libpq, the local server's Unix-domain socket: the first of the environment's socket directories
 * that holds {@code .s.PGSQL.<port>}, so that peer authentication works with {@code
 * postgresql:///app}. Where no such socket exists, the default host is {@code localhost} over TCP.
 *
 * <p>{@code hostaddr}, when given, replaces {@code host}: each numeric address is what Tusk
 * connects to and also what the password file is matched against. If both are given they must list
 * the same number of entries, and an empty address falls back to the host at the same position.
 */
final class HostList {

  /** The default host when no local socket is found, and the password file's name for sockets. */
  static final String DEFAULT_HOST = "localhost";

  /** Stands for the default host until the port, which names the socket file, is known. */
  private static final String UNSET = "";

  static final int DEFAULT_PORT = 5432;

  private static final String PORT_EXPECTATION = "expected a number from 1 to 65535";

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(?!$)|$)){4}");

  /** What an IPv6 literal may contain; also guarantees InetAddress parses it without DNS. */
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private HostList() {}

  /** The servers to try, in order; a default host is looked for in {@code socketDirectories}. */
  static List<HostPort> resolve(Options options, List<Path> socketDirectories) {
    OptionValue host = options.get(Keyword.HOST);
    OptionValue hostaddr = options.get(Keyword.HOSTADDR);
    List<String> names = host == null ? List.of(UNSET) : split(host.text());
    List<String> targets = hostaddr == null ? names : addresses(hostaddr, host, names);
    List<Integer> ports = ports(options.get(Keyword.PORT), targets.size());
    List<HostPort> hosts = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      String target = targets.get(i);
      int port = ports.get(i);
      hosts.add(
          new HostPort(target.isEmpty() ? defaultHost(port, socketDirectories) : target, port));
    }
    return hosts;
  }

  /** The first directory holding the socket of a server on {@code port}, else localhost. */
  static String defaultHost(int port, List<Path> socketDirectories) {
    for (Path directory : socketDirectories) {
      if (Files.exists(directory.resolve(".s.PGSQL." + port))) {
        return directory.toString();
      }
    }
    return DEFAULT_HOST;
  }

  private static List<String> addresses(
      OptionValue hostaddr, OptionValue host, List<String> names) {
    List<String> addresses = split(hostaddr.text());
    if (host != null && addresses.size() != names.size()) {
      throw hostaddr.invalid(
          addresses.size() + " addresses for " + names.size() + " hosts; give one per host");
    }
    List<String> targets = new ArrayList<>(addresses.size());
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      if (address.isEmpty()) {
        targets.add(host == null ? UNSET : names.get(i));
      } else if (isNumericAddress(address)) {
        targets.add(address);
      } else {
        throw hostaddr.invalidPart(address, "expected a numeric IPv4 or IPv6 address");
      }
    }
    return targets;
  }

  private static List<Integer> ports(OptionValue port, int hostCount) {
    if (port == null) {
      return Collections.nCopies(hostCount, DEFAULT_PORT);
    }
    List<String> elements = split(port.text());
    if (elements.size() != 1 && elements.size() != hostCount) {
      throw port.invalid(
          elements.size()
              + " ports for "
              + hostCount
              + " hosts; give one port for all hosts or one per host");
    }
    List<Integer> ports =
        elements.stream()
            .map(p -> p.isEmpty() ? DEFAULT_PORT : port.parseInt(p, 1, 65535, PORT_EXPECTATION))
            .toList();
    return ports.size() == hostCount ? ports : Collections.nCopies(hostCount, ports.get(0));
  }

  private static List<String> split(String list) {
    return List.of(list.split(",", -1));
  }

  private static boolean isNumericAddress(String address) {
    if (IPV4.matcher(address).matches()) {
      return true;
    }
    if (address.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(address).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException | IllegalArgumentException e) {
      return false;
    }
  }
}
