package dev.tusk.jdbc;

import dev.tusk.Column;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.StatementDescription;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PreparedStatement: its {@code ?} placeholders are translated once, to {@code $n}, and every
 * execution binds its values server-side. Tusk prepares the statement on the server by itself once
 * it has run {@code prepare_threshold} times (pgjdbc's {@code prepareThreshold}). {@link
 * #executeBatch()} runs every parameter set in one round trip ({@link Cursor#executeMany}).
 */
class JdbcPreparedStatement extends BoundParameters {

  private final JdbcSql sql;
  private final String text;
  private final GeneratedKeys keys;
  private StatementDescription description; // asked of the server once, when first needed
  private String described; // the text description describes

  JdbcPreparedStatement(
      JdbcConnection connection, int resultSetType, String jdbcSql, GeneratedKeys keys)
      throws SQLException {
    this(connection, resultSetType, connection.translate(jdbcSql), keys);
  }

  JdbcPreparedStatement(
      JdbcConnection connection, int resultSetType, JdbcSql sql, GeneratedKeys keys) {
    super(connection, resultSetType, sql.parameterCount());
    this.sql = sql;
    this.keys = keys;
    this.text = keys.apply(sql);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (!run(runText(), boundValues(), GeneratedKeys.NONE)) {
      throw new SQLException("the statement returned no rows: use executeUpdate", "02000");
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) executeLargeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    run(runText(), boundValues(), keys);
    return currentCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return run(runText(), boundValues(), keys);
  }

  /** The PostgreSQL text an execution runs: the translated SQL (a call may vary it). */
  String runText() throws SQLException {
    return sql.sql();
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    addToBatch(boundValues());
  }

  /**
   * Runs every parameter set in one round trip under one Sync: in autocommit mode the sets take
   * effect together or not at all. Rows returned for generated keys are gathered over all sets.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    List<Object[]> sets = takeBatch(Object[].class);
    if (sets.isEmpty()) {
      return new long[0];
    }
    Cursor<Row> cursor = connection.tusk().cursor();
    started();
    try {
      cursor.executeMany(query(text), sets);
    } catch (dev.tusk.errors.TuskException e) {
      cursor.close();
      throw batchFailure(SqlErrors.translate(e, connection.tusk().closed()), sets.size());
    } finally {
      finished();
    }
    long[] counts = new long[sets.size()];
    List<Row> keyRows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      counts[i] = CommandTags.count(cursor.statusMessage());
      if (keys.wanted()) {
        keyRows.addAll(cursor.fetchAll());
      }
      if (i + 1 < counts.length && !cursor.nextSet()) {
        // reWriteBatchedInserts ran the sets as fewer statements: no count per set, as in pgjdbc.
        Arrays.fill(counts, Statement.SUCCESS_NO_INFO);
        break;
      }
    }
    setResults(cursor, -1);
    if (keys.wanted()) {
      setGeneratedKeys(
          new JdbcResultSet(this, cursor.description(), keyRows, ResultSet.TYPE_FORWARD_ONLY));
    }
    return counts;
  }

  /** The columns of the current result, or before a run those the server describes. */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    ResultSet current = getResultSet();
    if (current != null) {
      return current.getMetaData();
    }
    List<Column> columns = description().columns();
    return columns.isEmpty()
        ? null
        : new JdbcResultSetMetaData(columns, connection.columnOrigins());
  }

  /** The parameters' types as the server infers them from the SQL, without running it. */
  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    List<Column> described = parameterTypes(description());
    List<Column> parameters = new ArrayList<>(values.length);
    int[] modes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      // $n written in the SQL besides the ? placeholders would shift them: such a type is unknown.
      parameters.add(
          i < described.size()
              ? described.get(i)
              : new Column("$" + (i + 1), 705, "unknown", -1, 0, 0));
      modes[i] = parameterMode(i + 1);
    }
    return new JdbcParameterMetaData(parameters, modes);
  }

  private StatementDescription description() throws SQLException {
    String text = runText();
    if (description == null || !text.equals(described)) {
      description = SqlErrors.run(() -> connection.tusk().describe(text), connection);
      described = text;
    }
    return description;
  }

  /** The type of each JDBC parameter, in index order, from the server's description. */
  List<Column> parameterTypes(StatementDescription described) {
    return described.parameters();
  }

  /** The mode of the JDBC parameter at {@code index}. */
  int parameterMode(int index) {
    return ParameterMetaData.parameterModeIn;
  }

  private static SQLException sqlGiven() {
    return new SQLException(
        "a PreparedStatement runs its own SQL: call the method without a SQL argument", "HY000");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw sqlGiven();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw sqlGiven();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw sqlGiven();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw sqlGiven();
  }

  @Override
  public String toString() {
    return sql.sql();
  }
}
