package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One server to try: a host name, a numeric IP address or, when {@code host} is an absolute path,
 * the directory holding the server's Unix-domain socket ({@code <dir>/.s.PGSQL.<port>}), as in
 * libpq.
 *
 * @param host a host name, an IPv4 or IPv6 address (without brackets) or a socket directory
 * @param port the TCP port, or the number in the socket file's name; 1 to 65535
 */
public record HostPort(String host, int port) {

  /** Checks that the host is not empty and the port is from 1 to 65535. */
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
    }
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

  /** {@code host:port}, with an IPv6 address in brackets. */
  @Override
  public String toString() {
    boolean ipv6 = !isUnixSocket() && host.indexOf(':') >= 0;
    return (ipv6 ? "[" + host + "]" : host) + ":" + port;
  }
}
