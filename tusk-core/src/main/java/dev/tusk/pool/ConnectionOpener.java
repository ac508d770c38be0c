package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.InterfaceError;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens a pool's new connections: connects, runs {@code configure}, learns the loan defaults,
 * counts and records it.
 */
final class ConnectionOpener {

  /**
   * A new connection, back in autocommit mode, and whether its borrowers get it in autocommit: the
   * pool's {@code autocommit} option, or off if the {@code configure} hook turned it off.
   */
  record Opened(Connection connection, boolean loanAutocommit) {}

  private final String pool;
  private final Supplier<? extends Connection> connector;
  private final Consumer<Connection> configure;
  private final boolean autocommit;
  private final PoolCounters counters;

  ConnectionOpener(
      String pool,
      Supplier<? extends Connection> connector,
      PoolOptions options,
      PoolCounters counters) {
    this.pool = pool;
    this.connector = connector;
    this.configure = options.configure();
    this.autocommit = options.autocommit();
    this.counters = counters;
  }

  /** A new, configured connection; throws what connecting or {@code configure} threw. */
  Opened open() {
    PoolConnectEvent event = new PoolConnectEvent();
    event.begin();
    long start = System.nanoTime();
    counters.connectionsNum.increment();
    Connection connection = null;
    try {
      connection = connector.get();
      // configure runs in autocommit mode, so that its SET statements take effect at once rather
      // than open a transaction; it may still turn autocommit off for every loan.
      configure(connection);
      boolean loanAutocommit = autocommit && connection.autocommit();
      connection.setAutocommit(true);
      return new Opened(connection, loanAutocommit);
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
