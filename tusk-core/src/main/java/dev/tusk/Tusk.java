package dev.tusk;

import dev.tusk.types.TypeRegistry;

/** The entry point: opens connections. */
public final class Tusk {

  private Tusk() {}

  /**
   * The global codec registry: every connection opened from now on starts with a copy of it.
   * Register codecs here at start-up to have them on every connection.
   */
  public static TypeRegistry types() {
    return dev.tusk.internal.client.Connector.types();
  }

  /**
   * Opens a connection. {@code conninfo} is a libpq connection string, either {@code key=value}
   * pairs ({@code "host=localhost dbname=app user=app"}) or a URI ({@code
   * "postgresql://app@localhost/app"}); the PG* environment variables and the password file fill in
   * what it leaves out.
   */
  public static Connection connect(String conninfo) {
    return dev.tusk.internal.client.Connector.connect(conninfo);
  }

  /**
   * Opens a connection without blocking the caller (the connecting runs on a virtual thread) and
   * completes with its async face.
   */
  public static java.util.concurrent.CompletableFuture<AsyncConnection> connectAsync(
      String conninfo) {
    return dev.tusk.internal.client.Connector.connectAsync(conninfo);
  }
}
