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
 * <p>{@code hostaddr}, when given, is what Tusk connects to instead of resolving {@code host}, as
 * in libpq: the host name at the same position is still what TLS checks the certificate against and
 * what the password file is matched with. Without {@code host}, each address serves as the host
 * too. If both are given they must list the same number of entries, and an empty address means the
 * host at the same position is resolved as usual.
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
    List<String> addresses =
        hostaddr == null
            ? Collections.nCopies(names.size(), UNSET)
            : addresses(hostaddr, host, names.size());
    if (host == null) {
      names = addresses;
    }
    List<Integer> ports = ports(options.get(Keyword.PORT), names.size());
    List<HostPort> hosts = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String address = addresses.get(i);
      int port = ports.get(i);
      if (name.isEmpty()) {
        hosts.add(new HostPort(defaultHost(port, socketDirectories), port));
      } else {
        boolean separate = !address.isEmpty() && !address.equals(name);
        if (separate && name.startsWith("/")) {
          // An address means TCP: a socket directory cannot name that server.
          hosts.add(new HostPort(address, port));
        } else {
          hosts.add(new HostPort(name, port, separate ? address : null));
        }
      }
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

  /** The addresses of {@code hostaddr}, checked; an empty element stays empty. */
  private static List<String> addresses(OptionValue hostaddr, OptionValue host, int hostCount) {
    List<String> addresses = split(hostaddr.text());
    if (host != null && addresses.size() != hostCount) {
      throw hostaddr.invalid(
          addresses.size() + " addresses for " + hostCount + " hosts; give one per host");
    }
    for (String address : addresses) {
      if (!address.isEmpty() && !isNumericAddress(address)) {
        throw hostaddr.invalidPart(address, "expected a numeric IPv4 or IPv6 address");
      }
    }
    return addresses;
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
