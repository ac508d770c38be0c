package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.Connection;
import dev.tusk.errors.DatatypeMismatch;
import dev.tusk.errors.InvalidTextRepresentation;
import dev.tusk.errors.NumericValueOutOfRange;
import dev.tusk.errors.UndefinedFunction;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the server types parameters: Strings go untyped, so the server reads them with the input
 * function of whatever type the statement needs; numbers and other Java types go with their exact
 * type, so they work only where PostgreSQL itself allows that type (an assignment cast in INSERT,
 * an implicit cast in expressions).
 */
@TuskTest
class ParameterInferenceTest {

  private static final UUID ID = UUID.fromString("0e37df36-f698-11e6-8dd4-cb9ced3df976");

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute("DROP TABLE IF EXISTS typed");
    conn.execute("DROP TYPE IF EXISTS mood");
    conn.execute("CREATE TYPE mood AS ENUM ('SAD', 'OK', 'HAPPY')");
    conn.execute(
        "CREATE TABLE typed (i int4, d date, j json, jb jsonb, u uuid, t text, n numeric,"
            + " b bool, m mood)");
  }

  @Test
  void stringsAreReadByTheColumnTypesInputFunction(Connection conn) {
    conn.execute(
        "INSERT INTO typed (i, d, j, jb, u, n, b, m) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        "42",
        "2024-02-29",
        "{\"k\": [1]}",
        "{\"k\":  [1]}",
        ID.toString(),
        "1.50",
        "yes",
        "HAPPY");
    forEachFormat(
        conn,
        "SELECT i, d, j, jb, u, n, b, m FROM typed",
        args(),
        (format, row) -> {
          assertEquals(42, row.get(0), format::name);
          assertEquals(LocalDate.of(2024, 2, 29), row.get(1), format::name);
          assertEquals("{\"k\": [1]}", row.getString(2), format::name);
          assertEquals("{\"k\": [1]}", row.getString(3), format::name);
          assertEquals(Map.of("k", List.of(1)), row.get(3), format::name);
          assertEquals(ID, row.get(4), format::name);
          assertEquals(new BigDecimal("1.50"), row.get(5), format::name);
          assertEquals(true, row.get(6), format::name);
          assertEquals("HAPPY", row.get(7), format::name);
        });
  }

  @Test
  void stringsInConditionsTakeTheOtherOperandsType(Connection conn) {
    conn.execute("INSERT INTO typed (i, u, d) VALUES (1, $1, '2024-01-01')", ID);
    assertBothFormats(conn, "SELECT i FROM typed WHERE u = $1", args(ID.toString()), 1);
    assertBothFormats(conn, "SELECT i FROM typed WHERE d < $1", args("2024-06-01"), 1);
    assertBothFormats(conn, "SELECT $1 + 1", args("41"), 42);
    assertBothFormats(conn, "SELECT $1", args("untyped"), "untyped");
  }

  @Test
  void stringThatTheColumnTypeCannotReadIsRejectedByTheServer(Connection conn) {
    assertThrows(
        InvalidTextRepresentation.class,
        () -> conn.execute("INSERT INTO typed (i) VALUES ($1)", "forty-two"));
    assertThrows(
        InvalidTextRepresentation.class,
        () -> conn.execute("INSERT INTO typed (u) VALUES ($1)", "not-a-uuid"));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void enumConstantIsSentAsItsNameForTheServerToRead(Connection conn) {
    conn.execute("INSERT INTO typed (m) VALUES ($1)", Mood.SAD);
    assertBothFormats(conn, "SELECT m FROM typed WHERE m = $1", args(Mood.SAD), "SAD");
    assertBothFormats(
        conn,
        "SELECT $1::mood[]::text[]",
        args(List.of(Mood.OK, Mood.HAPPY)),
        List.of("OK", "HAPPY"));
  }

  /** The enum's array type is looked up in the catalog: it reads as a List of labels. */
  @Test
  void enumArrayReadsAsAListOfLabels(Connection conn) {
    assertBothFormats(
        conn, "SELECT $1::mood[]", args(List.of(Mood.OK, Mood.HAPPY)), List.of("OK", "HAPPY"));
  }

  @Test
  void integerIntoTextColumnIsStoredThroughTheAssignmentCast(Connection conn) {
    conn.execute("INSERT INTO typed (t) VALUES ($1)", 42);
    assertBothFormats(conn, "SELECT t FROM typed", args(), "42");
  }

  @Test
  void integerComparedWithTextColumnFailsAsTheServerHasNoSuchOperator(Connection conn) {
    conn.execute("INSERT INTO typed (t) VALUES ('42')");
    assertThrows(
        UndefinedFunction.class, () -> conn.execute("SELECT t FROM typed WHERE t = $1", 42));
    assertBothFormats(conn, "SELECT t FROM typed WHERE t = $1::text", args(42), "42");
  }

  @Test
  void integerIntoDateColumnFailsAsThereIsNoCast(Connection conn) {
    assertThrows(
        DatatypeMismatch.class, () -> conn.execute("INSERT INTO typed (d) VALUES ($1)", 20240101));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void longIntoIntColumnWorksOnlyWithinRange(Connection conn) {
    conn.execute("INSERT INTO typed (i) VALUES ($1)", 7L);
    assertBothFormats(conn, "SELECT i FROM typed", args(), 7);
    assertThrows(
        NumericValueOutOfRange.class,
        () -> conn.execute("INSERT INTO typed (i) VALUES ($1)", 1L << 40));
  }

  @Test
  void doubleIntoIntColumnIsRoundedHalfToEvenByTheServer(Connection conn) {
    conn.execute("INSERT INTO typed (i) VALUES ($1), ($2)", 2.5, 3.5);
    assertBothFormats(conn, "SELECT array_agg(i ORDER BY i) FROM typed", args(), List.of(2, 4));
  }

  @Test
  void integerIntoNumericColumnIsWidenedImplicitly(Connection conn) {
    conn.execute("INSERT INTO typed (n) VALUES ($1)", Integer.MAX_VALUE);
    assertBothFormats(
        conn,
        "SELECT n FROM typed WHERE n = $1",
        args(Integer.MAX_VALUE),
        new BigDecimal("2147483647"));
  }

  /** Named after the labels of the {@code mood} enum type. */
  enum Mood {
    SAD,
    OK,
    HAPPY
  }
}
