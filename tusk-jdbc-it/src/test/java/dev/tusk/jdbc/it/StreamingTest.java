package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code setFetchSize}: a forward-only result set reads its rows as it moves, in autocommit mode
 * too, holding the server back; without a fetch size a long one reads as it moves but never holds
 * the connection; scrollable ones collect.
 */
@TuskTest
class StreamingTest {

  private TestSchema schema;
  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    this.schema = schema;
    connection = JdbcTarget.connect(schema);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /**
   * Row 5000 waits for an advisory lock the test holds: the first rows are read while the query
   * still runs, which a driver that collects could not do (its query would time out instead).
   */
  @Test
  void rowsAreReadBeforeTheQueryHasFinished() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE FUNCTION wait_at(g int, at int) RETURNS int LANGUAGE plpgsql AS $$"
              + " BEGIN IF g = at THEN PERFORM pg_advisory_lock_shared(4242);"
              + " PERFORM pg_advisory_unlock_shared(4242); END IF; RETURN g; END $$");
    }
    try (Connection holder = JdbcTarget.connect(schema);
        Statement lock = holder.createStatement()) {
      lock.execute("SELECT pg_advisory_lock(4242)");
      assertTrue(connection.getAutoCommit());
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(100);
        statement.setQueryTimeout(20); // a collecting driver fails here rather than hanging
        ResultSet rows =
            statement.executeQuery("SELECT wait_at(g, 5000) FROM generate_series(1, 10000) g");
        for (int i = 1; i <= 1000; i++) {
          assertTrue(rows.next());
          assertEquals(i, rows.getInt(1));
        }
        lock.execute("SELECT pg_advisory_unlock(4242)");
        int count = 1000;
        while (rows.next()) {
          assertEquals(++count, rows.getInt(1));
        }
        assertEquals(10000, count);
        assertTrue(rows.isAfterLast());
      }
    }
  }

  /** The same answers from a result received whole (fetch size 0) and from a stream. */
  @Test
  void positionsAreReportedWhileStreaming() throws SQLException {
    positionsAreReported(0);
    positionsAreReported(2);
  }

  private void positionsAreReported(int fetchSize) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(fetchSize);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 3) g");
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rows.getType());
      assertTrue(rows.isBeforeFirst());
      assertTrue(rows.next());
      assertTrue(rows.isFirst());
      assertFalse(rows.isLast());
      assertEquals(1, rows.getRow());
      assertTrue(rows.next());
      assertTrue(rows.next());
      assertTrue(rows.isLast()); // read one row ahead: there is none
      assertEquals(3, rows.getInt(1));
      assertEquals(3, rows.getRow());
      assertFalse(rows.next());
      assertTrue(rows.isAfterLast());
      assertEquals(0, rows.getRow());
      assertThrows(SQLException.class, rows::previous);
    }
  }

  @Test
  void maxRowsStopsTheStream() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(2);
      statement.setMaxRows(5);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 100000) g");
      int count = 0;
      while (rows.next()) {
        assertEquals(++count, rows.getInt(1));
      }
      assertEquals(5, count);
      assertFalse(statement.getMoreResults());
    }
    assertEquals(7, single("SELECT 7"));
  }

  @Test
  void closingEarlyLeavesTheConnectionUsable() throws SQLException {
    Statement statement = connection.createStatement();
    statement.setFetchSize(10);
    ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 200000) g");
    assertTrue(rows.next());
    assertTrue(rows.next());
    rows.close();
    assertEquals(8, single("SELECT 8"));
    ResultSet again = statement.executeQuery("SELECT g FROM generate_series(1, 200000) g");
    assertTrue(again.next());
    statement.close();
    assertTrue(again.isClosed());
    assertEquals(9, single("SELECT 9"));
  }

  /** Another statement on the same thread while a stream is open: the stream's rest is kept. */
  @Test
  void anotherStatementWhileStreamingOnTheSameThread() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 5000) g");
      assertTrue(rows.next());
      assertEquals(10, single("SELECT 10"));
      int count = 1;
      while (rows.next()) {
        assertEquals(++count, rows.getInt(1));
      }
      assertEquals(5000, count);
    }
  }

  /** A commit on the stream's own thread collects what is left: the result set reads on. */
  @Test
  void aCommitWhileStreamingKeepsTheRows() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 5000) g");
      assertTrue(rows.next());
      connection.commit();
      int count = 1;
      while (rows.next()) {
        assertEquals(++count, rows.getInt(1));
      }
      assertEquals(5000, count);
    }
    connection.commit();
  }

  /** Another thread's statement waits behind the open stream and runs once it is read. */
  @Test
  void anotherThreadWaitsForTheStream() throws Exception {
    var others = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 100000) g");
      assertTrue(rows.next());
      var other = others.submit(() -> single("SELECT 12"));
      int count = 1;
      while (rows.next()) {
        count++;
      }
      assertEquals(100000, count);
      assertEquals(12, other.get(30, TimeUnit.SECONDS));
    } finally {
      others.shutdownNow();
    }
  }

  /**
   * Without a fetch size a long result streams too, but never holds the connection: another
   * thread's statement runs while the result set is open and unread, even when this thread waits
   * for it (the rest of the rows are read into memory for the result set meanwhile).
   */
  @Test
  void withoutAFetchSizeAnotherThreadRunsWhileTheResultSetIsOpen() throws Exception {
    var others = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 100000) g");
      assertTrue(rows.next());
      assertEquals(12, others.submit(() -> single("SELECT 12")).get(30, TimeUnit.SECONDS));
      int count = 1;
      while (rows.next()) {
        assertEquals(++count, rows.getInt(1));
      }
      assertEquals(100000, count);
    } finally {
      others.shutdownNow();
    }
  }

  /**
   * Without a fetch size a long result is read as the result set moves: row 5000 waits for an
   * advisory lock this test holds, yet executeQuery returns and the first rows are read (a
   * collecting driver would wait for ever: the time limit fails it).
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void withoutAFetchSizeALongResultIsReadAsItArrives() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE FUNCTION wait_past(g int, at int) RETURNS int LANGUAGE plpgsql AS $$"
              + " BEGIN IF g = at THEN PERFORM pg_advisory_lock_shared(4243);"
              + " PERFORM pg_advisory_unlock_shared(4243); END IF; RETURN g; END $$");
    }
    try (Connection holder = JdbcTarget.connect(schema);
        Statement lock = holder.createStatement()) {
      lock.execute("SELECT pg_advisory_lock(4243)");
      try (Statement statement = connection.createStatement()) {
        ResultSet rows =
            statement.executeQuery("SELECT wait_past(g, 5000) FROM generate_series(1, 6000) g");
        for (int i = 1; i <= 2000; i++) {
          assertTrue(rows.next());
          assertEquals(i, rows.getInt(1));
        }
        lock.execute("SELECT pg_advisory_unlock(4243)");
        int count = 2000;
        while (rows.next()) {
          assertEquals(++count, rows.getInt(1));
        }
        assertEquals(6000, count);
      }
    }
  }

  /**
   * Without a fetch size the first 1,000 rows arrive before executeQuery returns: an error among
   * them comes from executeQuery, and one further on from the next() that reaches it.
   */
  @Test
  void withoutAFetchSizeAnEarlyErrorIsRaisedByExecuteQueryALateOneByNext() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLException early =
          assertThrows(
              SQLDataException.class,
              () ->
                  statement.executeQuery("SELECT 1 / (500 - g) FROM generate_series(1, 10000) g"));
      assertEquals("22012", early.getSQLState());
      ResultSet rows =
          statement.executeQuery("SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g");
      SQLException late =
          assertThrows(
              SQLDataException.class,
              () -> {
                while (rows.next()) {
                  rows.getInt(1);
                }
              });
      assertEquals("22012", late.getSQLState());
    }
    assertEquals(11, single("SELECT 11"));
  }

  /**
   * With a query timeout and no fetch size the result is received whole, so the timeout covers only
   * the statement's run: an error anywhere comes from executeQuery.
   */
  @Test
  void withATimeoutAndNoFetchSizeTheResultIsReceivedWhole() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(30);
      SQLException error =
          assertThrows(
              SQLDataException.class,
              () ->
                  statement.executeQuery("SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g"));
      assertEquals("22012", error.getSQLState());
    }
    assertEquals(11, single("SELECT 11"));
  }

  @Test
  void anErrorPartWayThroughIsRaisedByNext() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(50);
      ResultSet rows =
          statement.executeQuery("SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g");
      SQLException error =
          assertThrows(
              SQLDataException.class,
              () -> {
                while (rows.next()) {
                  rows.getInt(1);
                }
              });
      assertEquals("22012", error.getSQLState());
    }
    assertEquals(11, single("SELECT 11"));
  }

  @Test
  void aScrollableResultSetCollectsDespiteAFetchSize() throws SQLException {
    try (Statement statement =
        connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(2);
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 5000) g");
      assertTrue(rows.last());
      assertEquals(5000, rows.getRow());
      assertTrue(rows.absolute(10));
      assertEquals(10, rows.getInt(1));
    }
  }

  @Test
  void defaultRowFetchSizeAppliesToEveryStatement() throws SQLException {
    var properties = JdbcTarget.properties(schema);
    properties.setProperty("defaultRowFetchSize", "25");
    try (Connection streaming = DriverManager.getConnection(JdbcTarget.URL, properties);
        Statement statement = streaming.createStatement()) {
      assertEquals(25, statement.getFetchSize());
      ResultSet rows = statement.executeQuery("SELECT g FROM generate_series(1, 3000) g");
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertEquals(3000, count);
    }
  }

  /**
   * A million rows of 200 bytes (about 200 MB) through a JVM with a 48 MB heap: only streaming
   * fits. The child JVM runs {@link StreamingMain} on this test's class path.
   */
  @Test
  void aMillionRowsInASmallHeap() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null) {
      classPath = System.getProperty("java.class.path");
    }
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx48m",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                StreamingMain.class.getName(),
                schema.conninfo())
            .redirectErrorStream(true)
            .start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish in 2 minutes");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    assertEquals("rows=1000000 bytes=200000000", output.strip());
  }

  private int single(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertTrue(rows.next());
      return rows.getInt(1);
    }
  }
}
