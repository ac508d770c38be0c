package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeCatalog;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.SimpleQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.types.TypeRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sync {@link Connection}: runs statements through its session and keeps the DB-API transaction
 * state (autocommit, implicit BEGIN, transaction blocks).
 */
public final class TuskConnection implements Connection {

  private final Session session;
  private final ConnectionSettings settings;
  private final Statements statements;
  private final ConnectionInfo info;
  private final TypeScope types;

  // Guarded by the session's exclusive lock: whether the implicit transaction of autocommit-off
  // mode has been opened, and how deep the transaction blocks of the owning thread are nested.
  private volatile boolean autocommit = true;
  private boolean implicitTransactionOpen;
  private int blockDepth;

  TuskConnection(Session session, ConnectionSettings settings, TypeScope global) {
    this.session = session;
    this.settings = settings;
    this.types = global.forConnection(new TypeCatalog(new CatalogQueries(this)));
    this.statements = new Statements(this, session, settings.statements());
    this.info = new SessionInfo(session, settings);
  }

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  @Override
  public Cursor<Row> execute(Query query, Map<String, ?> params) {
    return cursor().execute(query, params);
  }

  @Override
  public AsyncConnection async() {
    return new TuskAsyncConnection(this, session, statements, types);
  }

  @Override
  public Pipeline pipeline() {
    return new TuskPipeline(this, statements, types);
  }

  @Override
  public Cursor<Row> cursor() {
    return cursor(RowFactories.row());
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    return new TuskCursor<>(statements, types, rowFactory, null);
  }

  @Override
  public <R> Cursor<R> clientCursor(RowFactory<R> rowFactory) {
    return new ClientCursor<>(
        cursor(rowFactory), new ClientBinding(this, this::standardConformingStrings));
  }

  @Override
  public TypeRegistry types() {
    return types;
  }

  @Override
  public Transaction transaction() {
    return transaction(TransactionOptions.DEFAULT);
  }

  @Override
  public Transaction transaction(TransactionOptions options) {
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

  @Override
  public <T> T inTransaction(Function<Connection, T> work) {
    return inTransaction(TransactionOptions.DEFAULT, work);
  }

  @Override
  public <T> T inTransaction(TransactionOptions options, Function<Connection, T> work) {
    try (Transaction transaction = transaction(options)) {
      T result = work.apply(this);
      transaction.commit();
      return result;
    }
  }

  @Override
  public boolean autocommit() {
    return autocommit;
  }

  @Override
  public void setAutocommit(boolean value) {
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

  @Override
  public void commit() {
    endImplicitTransaction("COMMIT");
  }

  @Override
  public void rollback() {
    endImplicitTransaction("ROLLBACK");
  }

  private void endImplicitTransaction(String command) {
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
    if (!autocommit) {
      session.acquireExclusive();
      try {
        beginImplicitTransaction();
        session.submit(exchange);
      } finally {
        session.releaseExclusive();
      }
      return;
    }
    session.submit(exchange);
  }

  /** Submits an exchange as is and waits for it, with no time limit. */
  <T> T run(Exchange<T> exchange) {
    session.submit(exchange);
    return await(exchange, null);
  }

  /** Waits for an exchange submitted earlier; cancels it once {@code timeout} (if any) passes. */
  <T> T await(Exchange<T> exchange, Duration timeout) {
    return Awaiting.result(session, exchange, timeout);
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

  /** Called by a block when it ends, on its owner's thread. */
  void blockEnded() {
    blockDepth--;
    session.releaseExclusive();
  }

  @Override
  public ConnectionInfo info() {
    return info;
  }

  @Override
  public void cancel() {
    session.cancel();
  }

  @Override
  public boolean closed() {
    return session.isClosed();
  }

  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "Connection[" + info + (closed() ? ", closed" : "") + "]";
  }
}
