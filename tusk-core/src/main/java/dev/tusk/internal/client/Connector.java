package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.Startup;
import dev.tusk.types.TypeRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Opens connections for {@link dev.tusk.Tusk}. */
public final class Connector {

  private Connector() {}

  /** The global type registry, for {@link dev.tusk.Tusk#types()}. */
  public static TypeRegistry types() {
    return TypeScope.global();
  }

  /** Parses {@code conninfo}, connects and returns the connection. */
  public static Connection connect(String conninfo) {
    return open(ConnInfo.parse(conninfo));
  }

  /** Connects with settings given as libpq keywords and unescaped values. */
  public static Connection connect(Map<String, String> keywords) {
    return open(ConnInfo.fromKeywords(keywords));
  }

  /** Connects on a virtual thread and completes with the connection's async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(String conninfo) {
    return Asynchronous.offload(() -> connect(conninfo).async());
  }

  /** Like {@link #connect(Map)}, on a virtual thread, completing with the async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(Map<String, String> keywords) {
    return Asynchronous.offload(() -> connect(keywords).async());
  }

  private static Connection open(ConnectionSettings settings) {
    return new TuskConnection(Startup.open(settings), settings, TypeScope.global());
  }
}
