package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One server to try: a host name, a numeric IP address or, when {@code host} is an absolute path,
 * the directory holding the server's Unix-domain socket ({@code <dir>/.s.PGSQL.<port>}), as in
 * libpq. With an {@code address} ({@code hostaddr}, or one of the addresses the host name resolved
 * to), Tusk connects to that address, and the host name is still what TLS checks the server's
 * certificate against and what the password file is matched with.
 *
 * @param host a host name, an IPv4 or IPv6 address (without brackets) or a socket directory
 * @param port the TCP port, or the number in the socket file's name; 1 to 65535
 * @param address the numeric IP address to connect to, or null to resolve {@code host}
 */
public record HostPort(String host, int port, String address) {

  /** Checks that the host is not empty and the port is from 1 to 65535. */
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
    }
    if (address != null && (address.isEmpty() || host.startsWith("/"))) {
      throw new IllegalArgumentException("an address needs a TCP host, and must not be empty");
    }
  }

  /** A host to resolve when connecting (no address given). */
  public HostPort(String host, int port) {
    this(host, port, null);
  }

  /** This host at {@code address}, one of the addresses its name resolves to. */
  public HostPort at(String address) {
    return new HostPort(host, port, address);
  }

  /** What to connect to: the address if there is one, else the host. */
  public String connectTo() {
    return address != null ? address : host;
  }

  /** True when {@link #host()} is a Unix-domain socket directory (an absolute path). */
  public boolean isUnixSocket() {
    return host.startsWith("/");
  }

  /**
   * The socket file the server listens on: {@code <host>/.s.PGSQL.<port>}.
   *
   * @throws IllegalStateException if this is not a Unix-domain socket
   */
  public Path unixSocketPath() {
    if (!isUnixSocket()) {
      throw new IllegalStateException(host + " is not a Unix-domain socket directory");
    }
    return Path.of(host, ".s.PGSQL." + port);
  }

  /**
   * {@code host:port}, with an IPv6 address in brackets, followed by {@code (address)} when the
   * address differs from the host.
   */
  @Override
  public String toString() {
    boolean ipv6 = !isUnixSocket() && host.indexOf(':') >= 0;
    String hostPort = (ipv6 ? "[" + host + "]" : host) + ":" + port;
    return address == null || address.equals(host) ? hostPort : hostPort + " (" + address + ")";
  }
}
