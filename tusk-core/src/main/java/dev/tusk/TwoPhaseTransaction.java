package dev.tusk;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.sql.Literal;
import dev.tusk.sql.SQL;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transaction that takes part in a two-phase commit, begun by {@link Connection#tpcBegin(Xid)}:
 * psycopg's {@code tpc_*} methods. Its statements run on the connection as usual; then {@link
 * #prepare()} makes the server keep it, durably, under its {@link Xid} until {@link #commit()} or
 * {@link #rollback()} ends it, from this connection or (through {@link Connection#tpcCommit(Xid)}
 * and {@link Connection#tpcRecover()}) from any other, even after this one died.
 *
 * <p>Like a transaction with autocommit off, it is connection state that every thread using the
 * connection shares until it is prepared or ended; use the connection from one thread meanwhile.
 * The server needs {@code max_prepared_transactions} above 0 to prepare.
 */
public final class TwoPhaseTransaction implements AutoCloseable {

  private enum State {
    ACTIVE,
    PREPARED,
    ENDED
  }

  private final Connection connection;
  private final Xid xid;
  private State state = State.ACTIVE;

  private TwoPhaseTransaction(Connection connection, Xid xid) {
    this.connection = connection;
    this.xid = xid;
  }

  /** Opens the transaction: see {@link Connection#tpcBegin(Xid)}. */
  static TwoPhaseTransaction begin(Connection connection, Xid xid) {
    requireIdle(connection, "tpcBegin");
    if (connection.autocommit()) {
      connection.execute("BEGIN");
    } // else the next statement opens the transaction, as any statement does
    return new TwoPhaseTransaction(connection, xid);
  }

  /** The transaction's identifier. */
  public Xid xid() {
    return xid;
  }

  /** Whether {@link #prepare()} has run and the transaction is not ended yet. */
  public boolean prepared() {
    return state == State.PREPARED;
  }

  /**
   * The first phase: {@code PREPARE TRANSACTION}. The transaction leaves the connection, which is
   * then free for other work, and waits on the server for {@link #commit()} or {@link #rollback()}.
   *
   * @throws ProgrammingError if already prepared or ended
   */
  public void prepare() {
    requireState(State.ACTIVE, "prepare");
    state = State.ENDED;
    try {
      connection.execute(SQL.of("PREPARE TRANSACTION {}").format(Literal.of(xid.gid())));
    } catch (RuntimeException e) {
      // The failed PREPARE left the transaction aborted: end it, so the connection is usable.
      try {
        endOpen("ROLLBACK");
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    state = State.PREPARED;
  }

  /**
   * The second phase after {@link #prepare()} ({@code COMMIT PREPARED}), or else a one-phase
   * commit.
   *
   * @throws TransactionRollback if a one-phase commit rolled back (a statement had failed)
   */
  public void commit() {
    end("COMMIT");
  }

  /** Rolls back: {@code ROLLBACK PREPARED} after {@link #prepare()}, else a plain rollback. */
  public void rollback() {
    end("ROLLBACK");
  }

  /**
   * Rolls back unless prepared or ended: a prepared transaction stays on the server for a
   * transaction manager to commit or roll back, which is the point of preparing it.
   */
  @Override
  public void close() {
    if (state == State.ACTIVE) {
      rollback();
    }
  }

  private void end(String command) {
    if (state == State.ENDED) {
      throw new ProgrammingError("the two-phase transaction " + xid + " has already ended");
    }
    State was = state;
    state = State.ENDED;
    if (was == State.PREPARED) {
      finishPrepared(connection, command, xid);
    } else {
      endOpen(command);
    }
  }

  /** Commits or rolls back the transaction while it is still open on the connection. */
  private void endOpen(String command) {
    boolean commit = command.equals("COMMIT");
    if (!connection.autocommit()) {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      return;
    }
    String tag = connection.execute(command).statusMessage();
    if (commit && "ROLLBACK".equals(tag)) {
      throw new TransactionRollback(
          Diagnostic.client(
              "40000", "COMMIT rolled the transaction back: a statement in it had failed"));
    }
  }

  /** {@code COMMIT PREPARED} or {@code ROLLBACK PREPARED}, which run outside a transaction. */
  static void finishPrepared(Connection connection, String command, Xid xid) {
    requireIdle(connection, command + " PREPARED");
    outsideTransaction(
        connection,
        conn -> conn.execute(SQL.of(command + " PREPARED {}").format(Literal.of(xid.gid()))));
  }

  /** The prepared transactions of the connection's database. */
  static List<Xid> recover(Connection connection) {
    return connection
        .execute(
            "SELECT gid FROM pg_catalog.pg_prepared_xacts WHERE database = current_database()"
                + " ORDER BY prepared")
        .fetchAll()
        .stream()
        .map(row -> Xid.fromGid(row.getString(0)))
        .toList();
  }

  /** Runs {@code work} with autocommit on, so that it opens no transaction. */
  private static void outsideTransaction(Connection connection, Consumer<Connection> work) {
    if (connection.autocommit()) {
      work.accept(connection);
      return;
    }
    connection.setAutocommit(true);
    try {
      work.accept(connection);
    } finally {
      connection.setAutocommit(false);
    }
  }

  private static void requireIdle(Connection connection, String what) {
    if (connection.info().transactionStatus() != TransactionStatus.IDLE) {
      throw new ProgrammingError(
          what
              + " must run outside a transaction: commit or roll back first (the connection is "
              + connection.info().transactionStatus()
              + ")");
    }
  }

  private void requireState(State expected, String what) {
    if (state != expected) {
      throw new ProgrammingError(
          "cannot "
              + what
              + " the two-phase transaction "
              + xid
              + ": it is "
              + state.name().toLowerCase());
    }
  }

  @Override
  public String toString() {
    return "TwoPhaseTransaction[" + xid + ", " + state.name().toLowerCase() + "]";
  }
}
