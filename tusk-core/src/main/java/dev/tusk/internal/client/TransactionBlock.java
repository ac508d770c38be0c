package dev.tusk.internal.client;

import dev.tusk.Transaction;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.SimpleQuery;
import dev.tusk.internal.engine.StatementResult;
import java.util.List;

/**
 * A transaction block (BEGIN ... COMMIT) or, nested, a savepoint. Its owner thread holds the
 * session's exclusive lock from opening to ending, so other threads' statements cannot mix in.
 */
final class TransactionBlock implements Transaction {

  private final ConnectionCore connection;
  private final String savepoint;
  private final Exchange<List<StatementResult>> started;
  private boolean ended;

  TransactionBlock(
      ConnectionCore connection, String savepoint, Exchange<List<StatementResult>> started) {
    this.connection = connection;
    this.savepoint = savepoint;
    this.started = started;
  }

  @Override
  public void commit() {
    if (savepoint == null) {
      end(SimpleQuery.commit("COMMIT"), true);
    } else {
      end(new SimpleQuery("RELEASE SAVEPOINT " + savepoint), false);
    }
  }

  @Override
  public void rollback() {
    end(
        new SimpleQuery(
            savepoint == null
                ? "ROLLBACK"
                : "ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " + savepoint),
        false);
  }

  /**
   * Raises if a COMMIT rolled back instead: the server answers COMMIT of a failed transaction with
   * a ROLLBACK tag, not an error, and a caller who asked to commit must not miss that.
   */
  static void checkCommitted(List<StatementResult> results) {
    if (!results.isEmpty() && "ROLLBACK".equals(results.get(0).commandTag())) {
      throw new TransactionRollback(
          Diagnostic.client(
              "40000", "COMMIT rolled the transaction back: a statement in it had failed earlier"));
    }
  }

  @Override
  public boolean isSavepoint() {
    return savepoint != null;
  }

  /**
   * Rolls back a block that was not ended. Its error is always a new instance: a connection lost
   * fails the block's BEGIN and the statement that was running with one error, and rethrowing that
   * very error from here would make try-with-resources add it to itself as suppressed, which Java
   * refuses with an IllegalArgumentException in place of the typed error.
   */
  @Override
  public void close() {
    if (!ended) {
      try {
        rollback();
      } catch (DatabaseError e) {
        throw SqlStates.toException(e.diagnostic(), e);
      }
    }
  }

  /** Runs the command that ends the block; {@code committing} when it is the outermost COMMIT. */
  private void end(SimpleQuery command, boolean committing) {
    if (ended) {
      throw new ProgrammingError("the transaction block has already ended");
    }
    ended = true;
    try {
      // The block's BEGIN was not awaited; a failure of it surfaces here.
      connection.await(started, null);
      List<StatementResult> results = connection.run(command);
      if (committing) {
        checkCommitted(results);
      }
    } finally {
      connection.blockEnded(savepoint == null);
    }
  }
}
