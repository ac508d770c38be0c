package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JDBC statement: each execution runs through a fresh Tusk cursor, whose results ({@link
 * Cursor#nextSet()}) are JDBC's multiple results. A result with columns becomes a {@link
 * JdbcResultSet} over its rows; any other its update count.
 */
class JdbcStatement extends FetchingObject implements Statement, SelfWrapper {

  final JdbcConnection connection;
  private final int resultSetType;

  /** SQL strings here; a prepared statement's parameter sets in its subclass. */
  private final List<Object> batch = new ArrayList<>();

  private Cursor<Row> cursor;
  private boolean streaming; // whether the current run's forward-only results stream
  private JdbcResultSet current;
  private long updateCount = -1;
  private JdbcResultSet generatedKeys;
  private volatile boolean running;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean escapeProcessing = true;
  private long maxRows;
  private int queryTimeoutSeconds;
  private int maxFieldSize;
  private volatile ConnectionHandle handle; // the pooled handle that made it, if any

  JdbcStatement(JdbcConnection connection, int resultSetType) {
    super(new WarningChain(), connection.settings().defaultFetchSize());
    this.connection = connection;
    this.resultSetType = resultSetType;
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the statement is closed", "HY010");
    }
    connection.checkOpen();
  }

  /** The statement text Tusk runs for {@code sql}: escapes and placeholders translated. */
  JdbcSql translate(String sql) throws SQLException {
    if (!escapeProcessing) {
      return new JdbcSql(sql, 0);
    }
    return connection.translate(sql);
  }

  /** The Tusk query for {@code sql} under this statement's timeouts. */
  Query query(String sql) {
    Query query = Query.of(sql);
    Duration timeout = connection.effectiveTimeout(queryTimeoutSeconds);
    return timeout == null ? query : query.withTimeout(timeout);
  }

  /**
   * Runs {@code sql} (already translated) with {@code params} and makes its first result current.
   * Returns whether that result has rows.
   */
  boolean run(String sql, Object[] params, GeneratedKeys keys) throws SQLException {
    checkOpen();
    clearResults();
    Query query = query(keys.wanted() ? keys.apply(new JdbcSql(sql, params.length)) : sql);
    streaming = streams(keys.wanted(), query);
    Cursor<Row> fresh = connection.tusk().cursor();
    if (!streaming) {
      fresh.fetchSize(0);
    } else if (fetchSize() > 0) {
      fresh.fetchSize(fetchSize());
    } else {
      fresh.fetchSize(GATHERED_ROWS).boundedStreaming(false);
    }
    started();
    try {
      SqlErrors.run(() -> fresh.execute(query, params), connection);
    } catch (SQLException e) {
      fresh.close();
      throw e;
    } finally {
      finished();
    }
    cursor = fresh;
    if (keys.wanted()) {
      generatedKeys = resultSet(fresh, true);
      updateCount = Math.max(fresh.rowCount(), 0);
      return false;
    }
    return loadCurrent();
  }

  /** Makes the cursor's current result this statement's current result. */
  private boolean loadCurrent() throws SQLException {
    if (!cursor.description().isEmpty()) {
      current = resultSet(cursor, false);
      updateCount = -1;
      return true;
    }
    current = null;
    updateCount = Math.max(cursor.rowCount(), 0);
    return false;
  }

  /**
   * Rows a result without a fetch size gathers before {@code executeQuery} returns: a result up to
   * this size is received whole, with its errors; a longer one is read on as the result set moves.
   */
  private static final int GATHERED_ROWS = 1000;

  /**
   * Whether this run's rows are read as the result set moves, not received whole before {@code
   * executeQuery} returns: forward-only, and with a fetch size (whose rows then hold the server
   * back) or without a timeout (the rows are read into memory whenever another request needs the
   * connection, so the stream holds nobody up; a timeout, which spans the stream, is kept to the
   * statement's own run by receiving it whole). A scrollable result set needs every row, and
   * generated keys are read before the update count.
   */
  private boolean streams(boolean keys, Query query) {
    return resultSetType == ResultSet.TYPE_FORWARD_ONLY
        && !keys
        && (fetchSize() > 0 || query.timeout() == null);
  }

  private JdbcResultSet resultSet(Cursor<Row> source, boolean keys) throws SQLException {
    // A result still arriving has no row count yet; one received whole (most: up to 1,000 rows)
    // is read as ReceivedRows, with nothing left to read and so no notices or errors to come.
    if (streaming && !keys && source.rowCount() < 0) {
      WarningChain readWarnings = new WarningChain();
      StreamedRows streamed =
          new StreamedRows(source, fetchSize(), maxRows, connection, readWarnings);
      return new JdbcResultSet(this, source.description(), streamed, resultSetType, readWarnings);
    }
    if (!keys && resultSetType == ResultSet.TYPE_FORWARD_ONLY) {
      // Received whole: made into rows one at a time as next() moves, with no list of them all.
      return new JdbcResultSet(
          this,
          source.description(),
          new ReceivedRows(source, maxRows),
          resultSetType,
          new WarningChain());
    }
    List<Row> rows = SqlErrors.run(source::fetchAll, connection);
    if (!keys && maxRows > 0 && rows.size() > maxRows) {
      rows = rows.subList(0, (int) maxRows);
    }
    return new JdbcResultSet(
        this, source.description(), rows, keys ? ResultSet.TYPE_FORWARD_ONLY : resultSetType);
  }

  private void clearResults() throws SQLException {
    if (current != null) {
      current.close();
      current = null;
    }
    generatedKeys = null;
    updateCount = -1;
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  /** Called by a result set of this statement when it closes. */
  void resultSetClosed(JdbcResultSet resultSet) throws SQLException {
    if (closeOnCompletion && resultSet == current) {
      close();
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!run(translate(sql).sql(), new Object[0], GeneratedKeys.NONE)) {
      throw new SQLException("the statement returned no rows: use executeUpdate", "02000");
    }
    return current;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return executeLargeUpdate(sql, NO_GENERATED_KEYS);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return update(sql, GeneratedKeys.of(autoGeneratedKeys));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return update(sql, GeneratedKeys.columns(columnNames));
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw byIndex();
  }

  private long update(String sql, GeneratedKeys keys) throws SQLException {
    run(translate(sql).sql(), new Object[0], keys);
    return currentCount();
  }

  /** The update count of the current result; a result with rows counts them, like a SELECT tag. */
  long currentCount() throws SQLException {
    return updateCount >= 0 ? updateCount : Math.max(cursor.rowCount(), 0);
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return (int) executeLargeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw byIndex();
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return (int) executeLargeUpdate(sql, columnNames);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(translate(sql).sql(), new Object[0], GeneratedKeys.NONE);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return run(translate(sql).sql(), new Object[0], GeneratedKeys.of(autoGeneratedKeys));
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw byIndex();
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return run(translate(sql).sql(), new Object[0], GeneratedKeys.columns(columnNames));
  }

  private static SQLException byIndex() {
    return new java.sql.SQLFeatureNotSupportedException(
        "generated keys by column index: name the columns instead", "0A000");
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return current;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return (int) getLargeUpdateCount();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (this.current != null && current != KEEP_CURRENT_RESULT) {
      this.current.close();
    } else if (this.current != null) {
      this.current.keepRows(); // its rows must outlive the cursor's move to the next result
    }
    this.current = null;
    if (cursor == null || !SqlErrors.run(cursor::nextSet, connection)) {
      updateCount = -1;
      return false;
    }
    return loadCurrent();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    if (generatedKeys == null) {
      return new JdbcResultSet(this, List.of(), List.of(), ResultSet.TYPE_FORWARD_ONLY);
    }
    return generatedKeys;
  }

  void setGeneratedKeys(JdbcResultSet keys) {
    generatedKeys = keys;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    String translated = translate(sql).sql();
    if (Lexer.hasSeveralStatements(translated)) {
      // The batch runs as one pipeline of extended-protocol statements: one statement each.
      throw new SQLException(
          "a batch entry must be a single statement: add each statement of \""
              + (sql.length() > 60 ? sql.substring(0, 60) + "..." : sql)
              + "\" with its own addBatch",
          "42601");
    }
    batch.add(translated);
  }

  /** Adds an entry of this statement's batch. */
  void addToBatch(Object entry) {
    batch.add(entry);
  }

  /** The batch's entries, which leave it. */
  <T> List<T> takeBatch(Class<T> type) throws SQLException {
    checkOpen();
    List<T> taken = batch.stream().map(type::cast).toList();
    batch.clear();
    return taken;
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toInts(executeLargeBatch());
  }

  /**
   * Runs the batch through one Tusk pipeline: one round trip and one Sync, so in autocommit mode
   * the statements take effect together or not at all.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    List<String> statements = takeBatch(String.class);
    clearResults();
    if (statements.isEmpty()) {
      return new long[0];
    }
    List<Cursor<Row>> cursors = new ArrayList<>();
    started();
    try (Pipeline pipeline = connection.tusk().pipeline()) {
      for (String sql : statements) {
        cursors.add(pipeline.execute(query(sql)));
      }
      pipeline.sync();
      long[] counts = new long[cursors.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.max(cursors.get(i).rowCount(), 0);
      }
      return counts;
    } catch (dev.tusk.errors.TuskException e) {
      throw batchFailure(SqlErrors.translate(e, connection.tusk().closed()), statements.size());
    } finally {
      finished();
      cursors.forEach(Cursor::close);
    }
  }

  /** A failed batch undid every statement of it (one implicit transaction): all failed. */
  static BatchUpdateException batchFailure(SQLException cause, int size) {
    long[] failed = new long[size];
    Arrays.fill(failed, EXECUTE_FAILED);
    return new BatchUpdateException(
        cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), failed, cause);
  }

  static int[] toInts(long[] counts) {
    int[] result = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      result[i] = (int) Math.min(counts[i], Integer.MAX_VALUE);
    }
    return result;
  }

  /**
   * This statement's work on the server starts: a cancel and the notices that arrive now concern
   * it. A new execution starts with no warnings, as JDBC requires.
   */
  void started() {
    warnings.clear();
    running = true;
    connection.notices().begin(warnings);
  }

  /** This statement's work on the server is done (a streaming result set's goes on). */
  void finished() {
    running = false;
    connection.notices().end(warnings);
  }

  /** Sets the current result after a batch or a run done by a subclass. */
  void setResults(Cursor<Row> cursor, long updateCount) throws SQLException {
    clearResults();
    this.cursor = cursor;
    this.updateCount = updateCount;
  }

  /**
   * Cancels the statement running now. Tusk cancels what its connection runs at that moment, so
   * this sends a cancel only while this statement runs.
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    if (running) {
      SqlErrors.run(
          () -> {
            connection.tusk().cancel();
            return null;
          },
          connection);
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    clearResults();
    closed = true;
    ConnectionHandle lender = handle;
    if (lender != null) {
      lender.statementClosed(this);
    }
  }

  /** Marks this statement as made through a pooled connection's handle (see ConnectionHandle). */
  void lentThrough(ConnectionHandle lender) {
    handle = lender;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    ConnectionHandle lender = handle;
    return lender == null ? connection : lender.handle();
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max field size cannot be negative: " + max, "HY024");
    }
    maxFieldSize = max; // accepted and reported; values are never truncated (as with pgjdbc)
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) getLargeMaxRows();
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max rows cannot be negative: " + max, "HY024");
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
    escapeProcessing = enable;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeoutSeconds;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("a query timeout cannot be negative: " + seconds, "HY024");
    }
    queryTimeoutSeconds = seconds;
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("positioned updates", "0A000");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD
        && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw new SQLException("unknown fetch direction " + direction, "HY024");
    }
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return resultSetType;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return connection.getHoldability();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return this instanceof java.sql.PreparedStatement;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }
}
