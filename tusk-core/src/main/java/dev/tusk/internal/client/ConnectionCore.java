package dev.tusk.internal.client;

import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.engine.CopyRequest;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.SimpleQuery;
import dev.tusk.internal.engine.StatementResult;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection's core, below both faces and everything that runs statements ({@link Statements},
 * {@link TransactionBlock}, {@link ServerCatalog}, {@link TuskPipeline}): the session, how a
 * statement is submitted and awaited, and the DB-API transaction state (autocommit, the implicit
 * BEGIN of autocommit-off mode, transaction blocks).
 */
final class ConnectionCore {

  private final Session session;

  // Guarded by the session's exclusive lock: whether the implicit transaction of autocommit-off
  // mode has been opened, and how deep the transaction blocks of the owning thread are nested.
  private volatile boolean autocommit = true;
  private boolean implicitTransactionOpen;
  private int blockDepth;

  // How many transactions have ended through commit(), rollback() and outermost blocks; written
  // under the exclusive lock. A server cursor without hold compares it to know that its
  // transaction is over, whatever transaction other threads may have begun since.
  private volatile long transactionsEnded;

  // The session's two ways to queue, made once rather than as a method reference per statement.
  private final Consumer<Exchange<List<StatementResult>>> submit;
  private final Consumer<CopyRequest> submitCopy;

  ConnectionCore(Session session) {
    this.session = session;
    this.submit = session::submit;
    this.submitCopy = session::submitCopy;
  }

  Session session() {
    return session;
  }

  /** Opens a transaction block (a savepoint when one is open); its owner holds the session. */
  Transaction transaction(TransactionOptions options) {
    session.acquireExclusive();
    try {
      if (blockDepth == 0) {
        forgetImplicitTransactionEndedBySql();
      }
      boolean savepoint = blockDepth > 0 || implicitTransactionOpen || inServerTransaction();
      String name = "tusk_savepoint_" + (blockDepth + 1);
      String begin = savepoint ? "SAVEPOINT " + name : options.beginStatement();
      // Not awaited: BEGIN travels with the block's first statement; its outcome is checked at
      // commit or rollback.
      Exchange<List<StatementResult>> started = new SimpleQuery(begin);
      session.submit(started);
      // Counted only once submitted, so a failure above leaves the depth as it was.
      blockDepth++;
      return new TransactionBlock(this, savepoint ? name : null, started);
    } catch (RuntimeException e) {
      session.releaseExclusive();
      throw e;
    }
  }

  boolean autocommit() {
    return autocommit;
  }

  void setAutocommit(boolean value) {
    session.acquireExclusive();
    try {
      if (blockDepth == 0) {
        forgetImplicitTransactionEndedBySql();
      }
      if (value != autocommit && (blockDepth > 0 || implicitTransactionOpen)) {
        throw new ProgrammingError(
            "autocommit cannot change while a transaction is open: commit or roll back first");
      }
      autocommit = value;
    } finally {
      session.releaseExclusive();
    }
  }

  /** Ends autocommit-off mode's implicit transaction with {@code COMMIT} or {@code ROLLBACK}. */
  void endImplicitTransaction(String command) {
    session.acquireExclusive();
    try {
      if (blockDepth > 0) {
        throw new ProgrammingError(
            command
                + " is not allowed inside a transaction block: use Transaction."
                + command.toLowerCase()
                + "() or leave the block");
      }
      if (!implicitTransactionOpen) {
        return;
      }
      implicitTransactionOpen = false;
      transactionsEnded++;
      if (command.equals("COMMIT")) {
        TransactionBlock.checkCommitted(run(SimpleQuery.commit(command)));
      } else {
        run(new SimpleQuery(command));
      }
    } finally {
      session.releaseExclusive();
    }
  }

  /**
   * Queues a statement's exchange, opening the implicit transaction first when autocommit is off.
   */
  void submitStatement(Exchange<List<StatementResult>> exchange) {
    submitInTransaction(exchange, submit);
  }

  /**
   * Queues a COPY like a statement; what other callers submit waits behind it until its data ends
   * (see {@link Session#submitCopy}).
   */
  void submitCopy(CopyRequest copy) {
    submitInTransaction(copy, submitCopy);
  }

  private <E extends Exchange<?>> void submitInTransaction(E exchange, Consumer<E> submit) {
    if (!autocommit) {
      session.acquireExclusive();
      try {
        beginImplicitTransaction();
        submit.accept(exchange);
      } finally {
        session.releaseExclusive();
      }
      return;
    }
    submit.accept(exchange);
  }

  /**
   * Whether a statement submitted now runs inside a transaction: a block, autocommit-off mode, or
   * one that SQL opened. The caller holds the session.
   */
  boolean statementsRunInTransaction() {
    if (blockDepth == 0) {
      forgetImplicitTransactionEndedBySql();
    }
    return !autocommit || blockDepth > 0 || implicitTransactionOpen || inServerTransaction();
  }

  /**
   * Whether the calling thread owns an open transaction block, so that no other thread's request
   * can run until it ends.
   */
  boolean ownsBlock() {
    if (!session.tryAcquireExclusive()) {
      return false;
    }
    try {
      // The owner of a block holds the session until the block ends: holding it now, with a
      // block open, is owning it.
      return blockDepth > 0;
    } finally {
      session.releaseExclusive();
    }
  }

  /** Submits an exchange as is and waits for it, with no time limit. */
  <T> T run(Exchange<T> exchange) {
    session.submit(exchange);
    return await(exchange, null);
  }

  /** Waits for an exchange submitted earlier; cancels it once {@code timeout} (if any) passes. */
  <T> T await(Exchange<T> exchange, Duration timeout) {
    return session.await(exchange, timeout);
  }

  private void beginImplicitTransaction() {
    if (blockDepth > 0) {
      return;
    }
    forgetImplicitTransactionEndedBySql();
    if (!implicitTransactionOpen) {
      session.submit(new SimpleQuery("BEGIN"));
      implicitTransactionOpen = true;
    }
  }

  /**
   * The implicit transaction may have been ended by SQL (COMMIT, ROLLBACK) rather than by commit():
   * a quiet, idle session says so. Left set, the flag would make a new block a savepoint in no
   * transaction, which fails and leaves the block's statements to autocommit.
   */
  private void forgetImplicitTransactionEndedBySql() {
    if (implicitTransactionOpen && session.isQuiet() && !inServerTransaction()) {
      implicitTransactionOpen = false;
    }
  }

  private boolean inServerTransaction() {
    return session.isQuiet() && session.transactionStatus() != 'I';
  }

  /**
   * Whether text results parse as the codecs expect: startup pins DateStyle=ISO and
   * IntervalStyle=postgres, but a user's SET can change them (the server reports it).
   */
  boolean textResultsReadable() {
    String dateStyle = session.parameter("DateStyle");
    String intervalStyle = session.parameter("IntervalStyle");
    return (dateStyle == null || dateStyle.startsWith("ISO"))
        && (intervalStyle == null || intervalStyle.equals("postgres"));
  }

  /**
   * Called by a block when it ends, on its owner's thread; {@code transactionEnded} when it was a
   * transaction rather than a savepoint.
   */
  void blockEnded(boolean transactionEnded) {
    blockDepth--;
    if (transactionEnded) {
      transactionsEnded++;
    }
    session.releaseExclusive();
  }

  /**
   * How many transactions have ended through this API (not by COMMIT or ROLLBACK sent as SQL): a
   * change since a server cursor was declared means that its transaction is over.
   */
  long transactionsEnded() {
    return transactionsEnded;
  }
}
