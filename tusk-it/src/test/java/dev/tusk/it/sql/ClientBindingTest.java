package dev.tusk.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.errors.CharacterNotInRepertoire;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client cursor writes values into statements that cannot take parameters, through the one
 * quoting routine, and only when asked for.
 */
@TuskTest
class ClientBindingTest {

  @Test
  void setTakesAClientBoundValue(Connection conn) {
    Cursor<Row> cursor = conn.clientCursor();
    cursor.execute("SET application_name = $1", "it's \\ mine");
    assertEquals("it's \\ mine", conn.execute("SHOW application_name").fetchOne().getString(0));
    cursor.execute("SET statement_timeout = :ms", Map.of("ms", 1234));
    assertEquals("1234ms", conn.execute("SHOW statement_timeout").fetchOne().getString(0));
  }

  @Test
  void ddlDefaultsAndDoBlocksTakeClientBoundValues(Connection conn) {
    Cursor<Row> cursor = conn.clientCursor();
    cursor.execute(
        "CREATE TABLE defaults (d date DEFAULT $1, t text DEFAULT $2, n int)",
        LocalDate.of(2025, 2, 28),
        "O'Brien; DROP TABLE defaults; --");
    conn.execute("INSERT INTO defaults (n) VALUES (1)");
    Row row = conn.execute("SELECT d, t FROM defaults").fetchOne();
    assertEquals(LocalDate.of(2025, 2, 28), row.get(0));
    assertEquals("O'Brien; DROP TABLE defaults; --", row.getString(1));

    cursor.execute("SELECT set_config('tusk.greeting', $1, false)", "hello $$ world");
    cursor.execute(
        "DO $$ BEGIN INSERT INTO defaults (t, n) VALUES (current_setting('tusk.greeting'), 2);"
            + " END $$");
    assertEquals(
        "hello $$ world",
        conn.execute("SELECT t FROM defaults WHERE n = 2").fetchOne().getString(0));
  }

  @Test
  void theServerSeesNoParametersAndResultsReadAsUsual(Connection conn) {
    Cursor<Row> cursor = conn.clientCursor();
    // With server-side binding, $1 in a SELECT list would be of unknown type and fail to compare
    // with an int; client-bound it is the constant 41.
    Row row = cursor.execute("SELECT $1 + 1, pg_typeof($2)::text", 41, "x").fetchOne();
    assertEquals(42, row.getInt(0));
    assertEquals("unknown", row.getString(1));
  }

  @Test
  void placeholdersInQuotesAndCommentsAreLeftAlone(Connection conn) {
    Row row =
        conn.clientCursor()
            .execute(
                "SELECT '$1', $1, 1 AS \"a$1\", $$ :a $1 $$ -- $1\n, /* $1 */ $2", "one", "two")
            .fetchOne();
    assertEquals("$1", row.getString(0));
    assertEquals("one", row.getString(1));
    assertEquals(" :a $1 ", row.getString(3));
    assertEquals("two", row.getString(4));
  }

  @Test
  void wrongCountsAndBadValuesAreTypedErrors(Connection conn) {
    Cursor<Row> cursor = conn.clientCursor();
    assertThrows(ProgrammingError.class, () -> cursor.execute("SELECT $1, $2", 1));
    assertThrows(ProgrammingError.class, () -> cursor.execute("SELECT :a", Map.of("b", 1)));
    assertThrows(CharacterNotInRepertoire.class, () -> cursor.execute("SELECT $1", "nul\0"));
    assertThrows(CharacterNotInRepertoire.class, () -> cursor.execute("SELECT $1", "\uD800"));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void backslashesInTheTextAreRefusedWithStandardConformingStringsOff(Connection conn) {
    conn.execute("SET standard_conforming_strings = off");
    Cursor<Row> cursor = conn.clientCursor();
    // The server reads '\' $1 ' as one string; the parser, reading as with the setting on,
    // would have put the value outside it.
    assertThrows(ProgrammingError.class, () -> cursor.execute("SELECT '\\' $1 '", "x"));
    assertEquals("a\\b", cursor.execute("SELECT $1", "a\\b").fetchOne().getString(0));
  }

  @Test
  void executeManyRunsEachSetInOneScript(Connection conn) {
    conn.execute("CREATE TABLE many (n int, t text)");
    Cursor<Row> cursor = conn.clientCursor();
    cursor.executeMany(
        "INSERT INTO many VALUES ($1, $2)",
        List.of(new Object[] {1, "a'"}, List.of(2, "b\\"), new Object[] {3, null}));
    assertEquals(
        List.of("a'", "b\\", "null"),
        conn.execute("SELECT coalesce(t, 'null') FROM many ORDER BY n").fetchAll().stream()
            .map(row -> row.getString(0))
            .toList());
  }

  @Test
  void clientBindingIsNeverTheDefault(Connection conn) {
    assertThrows(
        dev.tusk.errors.SyntaxError.class, () -> conn.execute("SET application_name = $1", "x"));
    assertThrows(
        dev.tusk.errors.SyntaxError.class,
        () -> conn.cursor().execute("SET application_name = $1", "x"));
    assertFalse(conn.execute("SHOW application_name").fetchOne().getString(0).equals("x"));
  }

  @Test
  void aPooledConnectionHasAClientCursorToo(TestSchema schema) {
    PoolOptions options = PoolOptions.builder().size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      assertEquals(
          "it's", lent.clientCursor().execute("SELECT $1::text", "it's").fetchOne().getString(0));
    }
  }

  @Test
  void theAsyncFaceHasAClientCursor(Connection conn) throws Exception {
    AsyncCursor<Row> cursor = conn.async().clientCursor();
    cursor.execute("SET application_name = $1", "async 'bound'").get(30, TimeUnit.SECONDS);
    assertEquals("async 'bound'", conn.execute("SHOW application_name").fetchOne().getString(0));
    cursor.executeMany("SELECT $1::int", List.of(List.of(1), List.of(2))).get(30, TimeUnit.SECONDS);
    assertEquals(1, cursor.fetchOne().get(30, TimeUnit.SECONDS).getInt(0));
    assertTrue(cursor.nextSet());
    assertEquals(2, cursor.fetchOne().get(30, TimeUnit.SECONDS).getInt(0));
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () -> cursor.execute("SELECT $1", "nul\0").get(30, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof CharacterNotInRepertoire, failed.toString());
  }

  @Test
  void queryOptionsCarryOver(Connection conn) {
    Cursor<Row> cursor = conn.clientCursor();
    assertThrows(
        dev.tusk.errors.QueryCanceled.class,
        () ->
            cursor.execute(Query.of("SELECT pg_sleep($1)").withTimeout(Duration.ofMillis(200)), 5));
    assertTrue(cursor.execute("SELECT $1", 1).fetchOne().getInt(0) == 1);
  }
}
