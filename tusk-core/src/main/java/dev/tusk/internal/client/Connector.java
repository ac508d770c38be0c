package dev.tusk.internal.client;

import dev.tusk.Connection;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.Startup;
import dev.tusk.types.TypeRegistry;

/** Opens connections for {@link dev.tusk.Tusk}. */
public final class Connector {

  private Connector() {}

  /** The global type registry, for {@link dev.tusk.Tusk#types()}. */
  public static TypeRegistry types() {
    return TypeScope.global();
  }

  /** Parses {@code conninfo}, connects and returns the connection. */
  public static Connection connect(String conninfo) {
    ConnectionSettings settings = ConnInfo.parse(conninfo);
    return new TuskConnection(Startup.open(settings), settings, TypeScope.global());
  }

  /** Connects on a virtual thread and completes with the connection's async face. */
  public static java.util.concurrent.CompletableFuture<dev.tusk.AsyncConnection> connectAsync(
      String conninfo) {
    return Asynchronous.offload(() -> connect(conninfo).async());
  }
}
