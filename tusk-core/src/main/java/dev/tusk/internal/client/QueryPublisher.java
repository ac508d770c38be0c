package dev.tusk.internal.client;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.internal.codec.TypeScope;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;

/**
 * A query as a cold {@link Flow.Publisher}: each subscriber gets its own run of the statement,
 * started at its first request ({@link RowSubscription}).
 */
final class QueryPublisher<R> implements Flow.Publisher<R> {

  private final Statements statements;
  private final TypeScope types;
  private final RowFactory<R> rowFactory;
  private final Query query;
  private final Object[] positional;
  private final Map<String, ?> named;
  private final String threadName;
  private final BooleanSupplier connectionClosed;

  /**
   * @param positional the {@code $n} parameters, or null when {@code named} holds them
   */
  QueryPublisher(
      Statements statements,
      TypeScope types,
      RowFactory<R> rowFactory,
      Query query,
      Object[] positional,
      Map<String, ?> named,
      String threadName,
      BooleanSupplier connectionClosed) {
    this.connectionClosed = connectionClosed;
    this.statements = statements;
    this.types = types;
    this.rowFactory = Objects.requireNonNull(rowFactory, "rowFactory");
    this.query = Objects.requireNonNull(query, "query");
    this.positional = positional;
    this.named = named;
    this.threadName = threadName;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super R> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber"); // §1.9
    new RowSubscription<>(
            subscriber,
            threadName,
            statements,
            types,
            rowFactory,
            query,
            positional,
            named,
            Connection.PUBLISH_BUFFER_ROWS,
            connectionClosed)
        .start();
  }

  @Override
  public String toString() {
    return "QueryPublisher[" + query.sql() + "]";
  }
}
