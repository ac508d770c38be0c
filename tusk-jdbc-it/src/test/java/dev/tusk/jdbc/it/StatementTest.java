package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement and PreparedStatement: placeholders, batches, keys, results, limits and timeouts. */
@TuskTest
class StatementTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "DROP TABLE IF EXISTS item; CREATE TABLE item (id serial PRIMARY KEY, name text NOT"
              + " NULL, price numeric(10, 2), tags jsonb)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private long count() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM item")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void preparedStatementBindsEveryPlaceholder() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO item (name, price) VALUES (?, ?)")) {
      insert.setString(1, "tusk's '?' item");
      insert.setBigDecimal(2, new java.math.BigDecimal("12.50"));
      assertEquals(1, insert.executeUpdate());
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT name, price FROM item WHERE name = ? AND '?' = '?'")) {
      select.setString(1, "tusk's '?' item");
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("tusk's '?' item", rs.getString("name"));
        assertEquals(new java.math.BigDecimal("12.50"), rs.getBigDecimal("PRICE"));
      }
    }
  }

  @Test
  void unsetParameterIsRefused() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT ?, ?")) {
      ps.setInt(1, 1);
      SQLException e = assertThrows(SQLException.class, ps::executeQuery);
      assertEquals("07002", e.getSQLState());
      assertThrows(SQLException.class, () -> ps.setInt(3, 1));
    }
  }

  @Test
  void jsonbOperatorsWithDoubledQuestionMarks() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT ?::jsonb ?? 'a', ?::jsonb ??| array['x', 'b']")) {
      ps.setString(1, "{\"a\": 1}");
      ps.setObject(2, "{\"b\": 2}", Types.OTHER);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertTrue(rs.getBoolean(1));
        assertTrue(rs.getBoolean(2));
      }
    }
  }

  @Test
  void typedAndUntypedNulls() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO item (name, price, tags) VALUES (?, ?, ?)")) {
      ps.setString(1, "nulls");
      ps.setNull(2, Types.NUMERIC);
      ps.setNull(3, Types.OTHER);
      assertEquals(1, ps.executeUpdate());
    }
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT price, tags FROM item")) {
      rs.next();
      assertNull(rs.getBigDecimal(1));
      assertTrue(rs.wasNull());
      assertNull(rs.getString(2));
    }
  }

  @Test
  void executeBatchIsOneUnitWithPerSetCounts() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO item (name, price) VALUES (?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ps.setString(1, "item " + i);
        ps.setInt(2, i);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      assertEquals(100, counts.length);
      for (int count : counts) {
        assertEquals(1, count);
      }
    }
    assertEquals(100, count());
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE item SET price = ? WHERE price < ?")) {
      ps.setInt(1, 0);
      ps.setInt(2, 10);
      ps.addBatch();
      ps.setInt(1, 1);
      ps.setInt(2, -1);
      ps.addBatch();
      assertArrayEquals(new long[] {10, 0}, ps.executeLargeBatch());
    }
  }

  @Test
  void reWriteBatchedInsertsRunsTheBatchAsFewStatementsWithNoCountPerSet(TestSchema schema)
      throws SQLException {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("reWriteBatchedInserts", "true");
    try (Connection rewriting = DriverManager.getConnection(JdbcTarget.URL, properties);
        PreparedStatement ps =
            rewriting.prepareStatement("INSERT INTO item (name, price) VALUES (?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ps.setString(1, "item " + i);
        ps.setInt(2, i);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      assertEquals(100, counts.length);
      for (int count : counts) {
        assertEquals(Statement.SUCCESS_NO_INFO, count, "as pgjdbc reports a rewritten batch");
      }
    }
    assertEquals(100, count());
  }

  @Test
  void failedBatchTakesNoEffect() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
      ps.setString(1, "fine");
      ps.addBatch();
      ps.setNull(1, Types.VARCHAR); // violates NOT NULL
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23502", e.getSQLState());
      assertEquals(2, e.getUpdateCounts().length);
      assertEquals(Statement.EXECUTE_FAILED, e.getUpdateCounts()[0]);
    }
    assertEquals(0, count());
    assertTrue(connection.isValid(2));
  }

  /** 12,000 sets pass one request's 64 KiB: sent as several in flight, still one unit. */
  @Test
  void largeBatchFailingAtItsEndTakesNoEffect() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
      for (int i = 0; i < 12_000; i++) {
        ps.setString(1, "a name long enough to fill the batch's requests, number " + i);
        ps.addBatch();
      }
      ps.setNull(1, Types.VARCHAR); // violates NOT NULL
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23502", e.getSQLState());
      assertEquals(12_001, e.getUpdateCounts().length);

      for (int i = 0; i < 12_000; i++) {
        ps.setString(1, "a name long enough to fill the batch's requests, number " + i);
        ps.addBatch();
      }
      assertEquals(12_000, ps.executeBatch().length);
    }
    assertEquals(12_000, count());
  }

  @Test
  void statementBatchRunsInOnePipeline() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO item (name) VALUES ('a')");
      statement.addBatch("INSERT INTO item (name) VALUES ('b'), ('c')");
      statement.addBatch("UPDATE item SET price = 1");
      assertArrayEquals(new int[] {1, 2, 3}, statement.executeBatch());
    }
  }

  @Test
  void failedStatementBatchTakesNoEffect() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO item (name) VALUES ('a')");
      statement.addBatch("INSERT INTO item (name) VALUES (NULL)");
      statement.addBatch("INSERT INTO item (name) VALUES ('c')");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, statement::executeBatch);
      assertEquals("23502", e.getSQLState());
      assertArrayEquals(
          new int[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED},
          e.getUpdateCounts());
      assertArrayEquals(new int[0], statement.executeBatch()); // the batch was cleared
      SQLException several =
          assertThrows(SQLException.class, () -> statement.addBatch("SELECT 1; SELECT 2"));
      assertEquals("42601", several.getSQLState());
    }
    assertEquals(0, count());
  }

  @Test
  void generatedKeysThroughReturning() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO item (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "first");
      assertEquals(1, ps.executeUpdate());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(1, keys.getInt("id"));
        assertEquals("first", keys.getString("name"));
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO item (name) VALUES (?)", new String[] {"ID"})) {
      ps.setString(1, "a");
      ps.addBatch();
      ps.setString(1, "b");
      ps.addBatch();
      assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
      List<Integer> ids = new ArrayList<>();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertEquals(1, keys.getMetaData().getColumnCount());
        while (keys.next()) {
          ids.add(keys.getInt(1));
        }
      }
      assertEquals(List.of(2, 3), ids);
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO item (name) VALUES ('s')", new String[] {"id"});
      ResultSet keys = statement.getGeneratedKeys();
      assertTrue(keys.next());
      assertEquals(4L, keys.getLong(1));
    }
  }

  @Test
  void multipleResults() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertTrue(
          statement.execute(
              "SELECT 1; INSERT INTO item (name) VALUES ('x'), ('y'); SELECT 'two', 2"));
      try (ResultSet rs = statement.getResultSet()) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
      assertFalse(statement.getMoreResults());
      assertEquals(2, statement.getUpdateCount());
      assertTrue(statement.getMoreResults());
      ResultSet last = statement.getResultSet();
      last.next();
      assertEquals("two", last.getString(1));
      assertFalse(statement.getMoreResults());
      assertEquals(-1, statement.getUpdateCount());
    }
  }

  /** A result set kept open while the statement moves to its next result still reads on. */
  @Test
  void keptResultSetReadsOnAfterTheNextResult() throws SQLException {
    for (int fetchSize : new int[] {0, 2}) {
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(fetchSize);
        assertTrue(statement.execute("SELECT g FROM generate_series(1, 5) g; SELECT 'two'"));
        ResultSet first = statement.getResultSet();
        assertTrue(first.next());
        assertEquals(1, first.getInt(1));
        assertTrue(statement.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        ResultSet second = statement.getResultSet();
        assertTrue(second.next());
        assertEquals("two", second.getString(1));
        assertFalse(first.isClosed());
        for (int g = 2; g <= 5; g++) {
          assertTrue(first.next());
          assertEquals(g, first.getInt(1));
        }
        assertFalse(first.next());
        assertFalse(second.next());
      }
    }
  }

  @Test
  void updateCountsAndDdl() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertEquals(0, statement.executeUpdate("CREATE TEMP TABLE scratch (a int)"));
      assertEquals(
          3, statement.executeLargeUpdate("INSERT INTO scratch SELECT generate_series(1, 3)"));
      assertEquals(2, statement.executeUpdate("DELETE FROM scratch WHERE a > 1"));
      SQLException e =
          assertThrows(SQLException.class, () -> statement.executeQuery("DELETE FROM scratch"));
      assertEquals("02000", e.getSQLState());
    }
  }

  @Test
  void maxRowsLimitsTheResult() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(3);
      try (ResultSet rs = statement.executeQuery("SELECT generate_series(1, 10)")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertEquals(3, rows);
      }
    }
  }

  @Test
  void queryTimeoutCancelsTheStatement() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLTimeoutException e =
          assertThrows(SQLTimeoutException.class, () -> statement.execute("SELECT pg_sleep(30)"));
      assertEquals("57014", e.getSQLState());
      assertInstanceOf(dev.tusk.errors.QueryCanceled.class, e.getCause());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
      statement.setQueryTimeout(0);
      assertTrue(statement.execute("SELECT 1"));
    }
  }

  @Test
  void cancelFromAnotherThread() throws Exception {
    try (Statement statement = connection.createStatement()) {
      CompletableFuture<Void> canceller =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(300);
                  statement.cancel();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      SQLException e =
          assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(30)"));
      assertEquals("57014", e.getSQLState());
      canceller.get(10, TimeUnit.SECONDS);
    }
    assertTrue(connection.isValid(2));
  }

  @Test
  void escapesRunOnTheServer() throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT {fn ucase(?)}, {d '2024-02-29'}, {fn ifnull(NULL, 7)}");
        ResultSet rs = executeQuery(ps, "abc")) {
      rs.next();
      assertEquals("ABC", rs.getString(1));
      assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate(2));
      assertEquals(7, rs.getInt(3));
    }
  }

  private static ResultSet executeQuery(PreparedStatement ps, String value) throws SQLException {
    ps.setString(1, value);
    return ps.executeQuery();
  }

  @Test
  void plpgsqlBodyWithQuestionMarksAndDollarQuotes() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE FUNCTION ask(t text) RETURNS text AS $body$"
              + " BEGIN RETURN t || '?'; END $body$ LANGUAGE plpgsql");
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT ask(?)")) {
      ps.setString(1, "why");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals("why?", rs.getString(1));
      }
    }
  }

  @Test
  void preparedStatementRefusesSqlArguments() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1")) {
      assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 2"));
      assertEquals(0, ps.getParameterMetaData().getParameterCount());
    }
  }

  @Test
  void closeOnCompletionClosesTheStatement() throws SQLException {
    Statement statement = connection.createStatement();
    statement.closeOnCompletion();
    ResultSet rs = statement.executeQuery("SELECT 1");
    rs.close();
    assertTrue(statement.isClosed());
  }
}
