package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.NoticeWarning;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getWarnings: server notices as SQLWarnings, on the statement that caused them. */
@TuskTest
class WarningsTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE OR REPLACE FUNCTION noisy(g int, at int) RETURNS int LANGUAGE plpgsql AS $$"
              + " BEGIN IF g = at THEN RAISE NOTICE 'row % reached', g USING HINT = 'a hint';"
              + " END IF; RETURN g; END $$");
    }
    connection.clearWarnings();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void noticesBecomeTheStatementsChainedWarnings() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertNull(statement.getWarnings());
      statement.execute(
          "DO $$ BEGIN RAISE NOTICE 'first %', 1;"
              + " RAISE WARNING 'second' USING ERRCODE = '01007'; END $$");
      SQLWarning first = statement.getWarnings();
      assertEquals("first 1", first.getMessage());
      assertEquals("00000", first.getSQLState());
      assertEquals("NOTICE", assertInstanceOf(NoticeWarning.class, first).severity());
      SQLWarning second = first.getNextWarning();
      assertEquals("second", second.getMessage());
      assertEquals("01007", second.getSQLState());
      assertEquals("WARNING", ((NoticeWarning) second).severity());
      assertNull(second.getNextWarning());
      assertNull(connection.getWarnings(), "the statement's notices are not the connection's");

      statement.clearWarnings();
      assertNull(statement.getWarnings());
      statement.execute("DO $$ BEGIN RAISE NOTICE 'again'; END $$");
      assertEquals("again", statement.getWarnings().getMessage());
      statement.execute("SELECT 1");
      assertNull(statement.getWarnings(), "a new execution starts a new chain");
    }
  }

  @Test
  void aPreparedStatementsNoticeCarriesItsDiagnostic() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT noisy(?, 2)")) {
      statement.setInt(1, 2);
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next());
      }
      NoticeWarning warning = (NoticeWarning) statement.getWarnings();
      assertEquals("row 2 reached", warning.getMessage());
      assertEquals("a hint", warning.diagnostic().messageHint());
    }
  }

  @Test
  void noticesAfterExecuteGoToTheStreamingResultSet() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet rows =
          statement.executeQuery("SELECT noisy(g, 60000) FROM generate_series(1, 60000) g");
      assertNull(statement.getWarnings());
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertEquals(60000, count);
      assertEquals("row 60000 reached", rows.getWarnings().getMessage());
      rows.clearWarnings();
      assertNull(rows.getWarnings());
      assertNull(statement.getWarnings());
    }
  }

  @Test
  void noticesOutsideAnyStatementGoToTheConnection() throws SQLException {
    connection.unwrap(dev.tusk.Connection.class).execute("DO $$ BEGIN RAISE NOTICE 'tusk'; END $$");
    assertEquals("tusk", connection.getWarnings().getMessage());
    connection.clearWarnings();
    assertNull(connection.getWarnings());
  }

  /**
   * Two threads share the connection; one's statements raise notices, the other's do not. The quiet
   * statements never see a notice, and none is lost: each is on the noisy statement or, when both
   * ran at that moment, on the connection.
   */
  @Test
  void anotherThreadsNoticesNeverReachAStatement() throws Exception {
    int rounds = 200;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> noisy =
          () -> {
            int seen = 0;
            try (Statement statement = connection.createStatement()) {
              for (int i = 0; i < rounds; i++) {
                statement.execute("DO $$ BEGIN RAISE NOTICE 'noisy'; END $$");
                for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                  seen++;
                }
              }
            }
            return seen;
          };
      Callable<Integer> quiet =
          () -> {
            int leaked = 0;
            try (Statement statement = connection.createStatement()) {
              for (int i = 0; i < rounds; i++) {
                statement.execute("SELECT 1");
                leaked += statement.getWarnings() == null ? 0 : 1;
              }
            }
            return leaked;
          };
      Future<Integer> noisyRun = threads.submit(noisy);
      Future<Integer> quietRun = threads.submit(quiet);
      assertEquals(0, quietRun.get());
      int onConnection = 0;
      int onStatement = noisyRun.get();
      for (SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
        assertEquals("noisy", w.getMessage());
        onConnection++;
      }
      assertEquals(rounds, onStatement + onConnection);
    } finally {
      threads.shutdownNow();
    }
  }
}
