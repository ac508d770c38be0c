package dev.tusk;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.sql.Quoting;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Two-phase commit (psycopg's {@code tpc_*}), written once as futures over either face: {@link
 * TwoPhaseTransaction} and {@link AsyncTwoPhaseTransaction} are its faces, and the connections'
 * {@code tpcCommit}, {@code tpcRollback} and {@code tpcRecover} call its static methods. An
 * instance is one transaction and its state: active, then prepared, then ended.
 */
final class TwoPhaseCommit {

  private enum State {
    ACTIVE,
    PREPARED,
    ENDED
  }

  private final FaceConnection connection;
  private final Xid xid;

  // Guarded by this: a step checks and changes it at once, so two steps never both start.
  private State state = State.ACTIVE;

  private TwoPhaseCommit(FaceConnection connection, Xid xid) {
    this.connection = connection;
    this.xid = xid;
  }

  /**
   * Opens the transaction: {@code BEGIN} in autocommit mode, else nothing (the next statement opens
   * it, as any statement does). Fails with {@link ProgrammingError} if a transaction is open.
   */
  static CompletableFuture<TwoPhaseCommit> begin(FaceConnection connection, Xid xid) {
    return Futures.start(
        () -> {
          Objects.requireNonNull(xid, "xid");
          requireIdle(connection, "tpcBegin");
          CompletableFuture<?> begun =
              connection.autocommit()
                  ? connection.run("BEGIN")
                  : CompletableFuture.completedFuture(null);
          return begun.thenApply(done -> new TwoPhaseCommit(connection, xid));
        });
  }

  Xid xid() {
    return xid;
  }

  synchronized boolean prepared() {
    return state == State.PREPARED;
  }

  synchronized boolean active() {
    return state == State.ACTIVE;
  }

  /**
   * {@code PREPARE TRANSACTION}; a failure rolls back what is left, so the connection is usable.
   */
  CompletableFuture<Void> prepare() {
    return Futures.start(
        () -> {
          leave(State.ACTIVE, "prepare");
          CompletableFuture<Void> prepared =
              connection
                  .run("PREPARE TRANSACTION " + Quoting.literal(xid.gid()))
                  .thenApply(ran -> null);
          // The failed PREPARE left the transaction aborted: end it.
          return Futures.onFailure(prepared, () -> endOpen("ROLLBACK"))
              .thenApply(
                  done -> {
                    arrive(State.PREPARED);
                    return null;
                  });
        });
  }

  /** {@code COMMIT PREPARED} after {@link #prepare()}, else a one-phase commit. */
  CompletableFuture<Void> commit() {
    return end("COMMIT");
  }

  /** {@code ROLLBACK PREPARED} after {@link #prepare()}, else a plain rollback. */
  CompletableFuture<Void> rollback() {
    return end("ROLLBACK");
  }

  private CompletableFuture<Void> end(String command) {
    return Futures.start(
        () -> {
          State was = leave(null, command.toLowerCase());
          return was == State.PREPARED
              ? finishPrepared(connection, command, xid)
              : endOpen(command);
        });
  }

  /**
   * Moves to {@code ENDED} (a step in progress counts as ended until it succeeds) and returns the
   * state left; fails if that was not {@code expected} (null: any but ended).
   */
  private synchronized State leave(State expected, String what) {
    State was = state;
    if (was == State.ENDED || (expected != null && was != expected)) {
      throw new ProgrammingError(
          "cannot " + what + " the two-phase transaction " + xid + ": it is " + describe(was));
    }
    state = State.ENDED;
    return was;
  }

  private synchronized void arrive(State next) {
    state = next;
  }

  private static String describe(State state) {
    return state == State.ENDED ? "ended (or ending)" : state.name().toLowerCase();
  }

  /** Commits or rolls back the transaction while it is still open on the connection. */
  private CompletableFuture<Void> endOpen(String command) {
    boolean commit = command.equals("COMMIT");
    if (!connection.autocommit()) {
      return commit ? connection.commit() : connection.rollback();
    }
    return connection
        .run(command)
        .thenApply(
            ran -> {
              if (commit && "ROLLBACK".equals(ran.status())) {
                throw new TransactionRollback(
                    Diagnostic.client(
                        "40000",
                        "COMMIT rolled the transaction back: a statement in it had failed"));
              }
              return null;
            });
  }

  /**
   * {@code COMMIT PREPARED} or {@code ROLLBACK PREPARED} of {@code xid}, which run outside a
   * transaction, from whichever connection.
   */
  static CompletableFuture<Void> finishPrepared(
      FaceConnection connection, String command, Xid xid) {
    return Futures.start(
        () -> {
          Objects.requireNonNull(xid, "xid");
          requireIdle(connection, command + " PREPARED");
          return outsideTransaction(
              connection,
              () -> connection.run(command + " PREPARED " + Quoting.literal(xid.gid())));
        });
  }

  /** The prepared transactions of the connection's database, oldest first. */
  static CompletableFuture<List<Xid>> recover(FaceConnection connection) {
    return connection
        .run(
            "SELECT gid FROM pg_catalog.pg_prepared_xacts WHERE database = current_database()"
                + " ORDER BY prepared")
        .thenApply(ran -> ran.rows().stream().map(row -> Xid.fromGid(row.getString(0))).toList());
  }

  /** Runs {@code work} with autocommit on, so that it opens no transaction. */
  private static CompletableFuture<Void> outsideTransaction(
      FaceConnection connection, Supplier<CompletableFuture<FaceStatements.Ran>> work) {
    if (connection.autocommit()) {
      return work.get().thenApply(done -> null);
    }
    return connection
        .setAutocommit(true)
        .thenCompose(
            on ->
                Futures.ensure(
                    Futures.start(work).thenApply(done -> (Void) null),
                    () -> connection.setAutocommit(false)));
  }

  private static void requireIdle(FaceConnection connection, String what) {
    TransactionStatus status = connection.transactionStatus();
    if (status != TransactionStatus.IDLE) {
      throw new ProgrammingError(
          what
              + " must run outside a transaction: commit or roll back first (the connection is "
              + status
              + ")");
    }
  }

  @Override
  public synchronized String toString() {
    return xid + ", " + state.name().toLowerCase();
  }
}
