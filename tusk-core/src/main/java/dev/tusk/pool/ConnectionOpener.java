package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.InterfaceError;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Opens a pool's new connections: connects, runs {@code configure}, counts and records it. */
final class ConnectionOpener {

  private final String pool;
  private final Supplier<? extends Connection> connector;
  private final Consumer<Connection> configure;
  private final PoolCounters counters;

  ConnectionOpener(
      String pool,
      Supplier<? extends Connection> connector,
      Consumer<Connection> configure,
      PoolCounters counters) {
    this.pool = pool;
    this.connector = connector;
    this.configure = configure;
    this.counters = counters;
  }

  /** A new, configured connection; throws what connecting or {@code configure} threw. */
  Connection open() {
    PoolConnectEvent event = new PoolConnectEvent();
    event.begin();
    long start = System.nanoTime();
    counters.connectionsNum.increment();
    Connection connection = null;
    try {
      connection = connector.get();
      configure(connection);
      return connection;
    } catch (RuntimeException e) {
      counters.connectionsErrors.increment();
      event.error = String.valueOf(e.getMessage());
      if (connection != null) {
        connection.close();
      }
      throw e;
    } finally {
      counters.connectionsNanos.add(System.nanoTime() - start);
      if (event.shouldCommit()) {
        event.pool = pool;
        event.commit();
      }
    }
  }

  private void configure(Connection connection) {
    if (configure == null) {
      return;
    }
    configure.accept(connection);
    if (connection.info().transactionStatus() != TransactionStatus.IDLE) {
      throw new InterfaceError(
          "the configure hook of pool " + pool + " left a transaction open; commit it there");
    }
  }
}
