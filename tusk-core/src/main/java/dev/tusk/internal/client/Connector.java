package dev.tusk.internal.client;

import dev.tusk.Connection;

/** Opens connections for {@link dev.tusk.Tusk}. */
public final class Connector {

  private Connector() {}

  /** Parses {@code conninfo}, connects and returns the connection. */
  public static Connection connect(String conninfo) {
    throw new UnsupportedOperationException("the engine is being written");
  }
}
