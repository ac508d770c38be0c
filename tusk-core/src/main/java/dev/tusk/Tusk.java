package dev.tusk;

/** The entry point: opens connections. */
public final class Tusk {

  private Tusk() {}

  /**
   * Opens a connection. {@code conninfo} is a libpq connection string, either {@code key=value}
   * pairs ({@code "host=localhost dbname=app user=app"}) or a URI ({@code
   * "postgresql://app@localhost/app"}); the PG* environment variables and the password file fill in
   * what it leaves out.
   */
  public static Connection connect(String conninfo) {
    return dev.tusk.internal.client.Connector.connect(conninfo);
  }
}
