package dev.tusk.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.ServerCursor;
import dev.tusk.Tusk;
import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.SyntaxError;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Errors a newcomer meets first: other drivers' placeholders, failures the driver (not the server)
 * reports, and features Tusk refuses, each with one class, one SQLSTATE and the fix named.
 */
@TuskTest
class ErrorsThatTeachTest {

  @Test
  void jdbcPlaceholdersAreExplained(Connection conn) {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT ?::int + ?::int", 1, 2));
    assertTrue(
        error.getMessage().contains("JDBC's ? placeholders: write $1, $2"), error.getMessage());
    assertEquals(3, conn.execute("SELECT $1::int + $2::int", 1, 2).fetchOne().getInt(0));
  }

  @Test
  void psycopgPlaceholdersAreExplained(Connection conn) {
    ProgrammingError positional =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT %s::int", 1));
    assertTrue(positional.getMessage().contains("psycopg's %s"), positional.getMessage());
    ProgrammingError named =
        assertThrows(
            ProgrammingError.class, () -> conn.execute("SELECT %(n)s::int", Map.of("n", 1)));
    assertTrue(named.getMessage().contains("write :n"), named.getMessage());
  }

  @Test
  void aLoneMapMeantAsJsonIsToldHowToSendIt(Connection conn) {
    Map<String, Object> doc = Map.of("a", 1);
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT $1::jsonb", doc));
    assertTrue(error.getMessage().contains("execute(sql, (Object) map)"), error.getMessage());
    assertEquals(Map.of("a", 1), conn.execute("SELECT $1::jsonb", (Object) doc).fetchOne().get(0));
  }

  @Test
  void aSyntaxErrorAtAnotherDriversPlaceholderGetsAHint(Connection conn) throws Exception {
    SyntaxError error =
        assertThrows(SyntaxError.class, () -> conn.execute("SELECT * FROM pg_type WHERE oid = ?"));
    assertTrue(
        error.diagnostic().messageHint().contains("? is not a placeholder here: write $1"),
        error.getMessage());
    assertTrue(error.getMessage().startsWith("ERROR: syntax error"), error.getMessage());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () -> conn.async().execute("SELECT %s").get(30, TimeUnit.SECONDS));
    SyntaxError asyncError = assertInstanceOf(SyntaxError.class, async.getCause());
    assertTrue(asyncError.diagnostic().messageHint().contains("%s is not a placeholder"));
    // A syntax error elsewhere in a statement with a real placeholder gets no such hint.
    SyntaxError other =
        assertThrows(SyntaxError.class, () -> conn.execute("SELEC $1::jsonb ? 'a'", "{}"));
    assertEquals(null, other.diagnostic().messageHint());
  }

  @Test
  void jsonbQuestionMarkOperatorsStillRun(Connection conn) {
    assertTrue(conn.execute("SELECT '{\"a\": 1}'::jsonb ? 'a'").fetchOne().getBoolean(0));
    assertTrue(conn.execute("SELECT '{\"a\": 1}'::jsonb ? $1", "a").fetchOne().getBoolean(0));
    assertTrue(
        conn.execute("SELECT '{\"a\": 1}'::jsonb ?| $1", (Object) new String[] {"a", "b"})
            .fetchOne()
            .getBoolean(0));
  }

  @Test
  void theServersErrorsKeepTheServersWords(Connection conn) {
    SyntaxError error = assertThrows(SyntaxError.class, () -> conn.execute("SELEC 1"));
    assertTrue(error.getMessage().startsWith("ERROR: syntax error"), error.getMessage());
    assertTrue(error.diagnostic().fromServer());
  }

  @Test
  void theDriversOwnFailuresAreVisiblyTheDrivers(Connection conn) {
    conn.close();
    ConnectionDoesNotExist error =
        assertThrows(ConnectionDoesNotExist.class, () -> conn.execute("SELECT 1"));
    assertEquals("tusk: the connection is closed [SQLSTATE 08003]", error.getMessage());
    assertFalse(error.diagnostic().fromServer());
  }

  @Test
  void copyRefusalsShareOneClassAndSqlState(Connection conn) {
    conn.execute("CREATE TABLE refused_copy (n int)");
    FeatureNotSupported in =
        assertThrows(FeatureNotSupported.class, () -> conn.execute("COPY refused_copy FROM STDIN"));
    FeatureNotSupported out =
        assertThrows(FeatureNotSupported.class, () -> conn.execute("COPY refused_copy TO STDOUT"));
    for (FeatureNotSupported error : new FeatureNotSupported[] {in, out}) {
      assertEquals("0A000", error.sqlState());
      assertTrue(error.getMessage().startsWith("tusk: COPY ... "), error.getMessage());
      assertTrue(error.getMessage().contains("needs the COPY API"), error.getMessage());
    }
  }

  @Test
  void aServerCursorRefusesWhatItCannotRunWithThatClassToo(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("refusing");
    FeatureNotSupported copy =
        assertThrows(FeatureNotSupported.class, () -> cursor.copy("COPY refused TO STDOUT"));
    FeatureNotSupported many =
        assertThrows(
            FeatureNotSupported.class,
            () -> cursor.executeMany("SELECT $1", List.<Object[]>of(new Object[] {1})));
    for (FeatureNotSupported error : new FeatureNotSupported[] {copy, many}) {
      assertEquals("0A000", error.sqlState());
      assertFalse(error.diagnostic().fromServer());
      assertTrue(error.getMessage().startsWith("tusk: "), error.getMessage());
    }
    assertTrue(copy.getMessage().contains("conn.cursor().copy(sql)"), copy.getMessage());
    assertTrue(many.getMessage().contains("use a cursor()"), many.getMessage());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void unsupportedConnectionFeaturesShareThatClassToo(PostgresServer server) {
    FeatureNotSupported gss =
        assertThrows(
            FeatureNotSupported.class, () -> Tusk.connect(server.conninfo() + " gsslib=sspi"));
    assertEquals("0A000", gss.sqlState());
    assertTrue(gss.getMessage().contains("gsslib"), gss.getMessage());
  }
}
