package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.Tracer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.Session;
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

  /**
   * Parses {@code conninfo}, connects and returns the connection, whose statements {@code tracer}
   * (null: none) hears of.
   */
  public static Connection connect(String conninfo, Tracer<?> tracer) {
    return open(ConnInfo.parse(conninfo), tracer);
  }

  /** Connects with settings given as libpq keywords and unescaped values. */
  public static Connection connect(Map<String, String> keywords, Tracer<?> tracer) {
    return open(ConnInfo.fromKeywords(keywords), tracer);
  }

  /** Connects on a virtual thread and completes with the connection's async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(String conninfo, Tracer<?> tracer) {
    return Asynchronous.offload(() -> connect(conninfo, tracer).async());
  }

  /** Like {@link #connect(Map, Tracer)}, on a virtual thread, completing with the async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords, Tracer<?> tracer) {
    return Asynchronous.offload(() -> connect(keywords, tracer).async());
  }

  private static Connection open(ConnectionSettings settings, Tracer<?> tracer) {
    ConnectionEvents.Opening opening = ConnectionEvents.opening(settings);
    Session session;
    try {
      session = Startup.open(settings);
    } catch (RuntimeException e) {
      opening.failed(e);
      throw e;
    }
    opening.opened(session);
    return new TuskConnection(session, settings, TypeScope.global(), tracer);
  }
}
