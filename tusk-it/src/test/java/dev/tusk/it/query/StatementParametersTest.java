package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code $n} and {@code :name} parameters against a real server, and the checks made before send.
 */
@TuskTest
class StatementParametersTest {

  @Test
  void positionalParametersBindIntsStringsAndNull(Connection conn) {
    Row row =
        conn.execute(
                "SELECT $1::int4 AS i, $2::text AS t, $3::int8 AS n, $1::int4 + 1 AS next,"
                    + " $3::int8 IS NULL AS n_is_null",
                41,
                "tusk's \"tusk\"",
                null)
            .fetchOne();

    assertAll(
        () -> assertEquals(41, row.get("i")),
        () -> assertEquals("tusk's \"tusk\"", row.get("t")),
        () -> assertNull(row.get("n")),
        () -> assertEquals(42, row.get("next")),
        () -> assertEquals(true, row.get("n_is_null")));
  }

  @Test
  void positionalParameterMayBeUsedTwiceAndOutOfOrder(Connection conn) {
    Row row = conn.execute("SELECT $2::text || $1::text || $2::text AS s", "b", "a").fetchOne();

    assertEquals("aba", row.getString("s"));
  }

  @Test
  void namedParametersBindFromMapWithANameUsedTwice(Connection conn) {
    Row row =
        conn.execute(
                "SELECT :a::int4 + :b::int4 AS sum, :a::int4 * 2 AS twice, :note::text AS note",
                mapOf("a", 3, "b", 4, "note", null))
            .fetchOne();

    assertAll(
        () -> assertEquals(7, row.get("sum")),
        () -> assertEquals(6, row.get("twice")),
        () -> assertNull(row.get("note")));
  }

  @Test
  void castsAfterNamedParametersAreNotNames(Connection conn) {
    Row row =
        conn.execute(
                "SELECT :v::int8 AS v, '5'::int2 AS five, :v::text::int4 AS again,"
                    + " ARRAY[:v]::int4[] AS arr",
                Map.of("v", 12))
            .fetchOne();

    assertAll(
        () -> assertEquals(12L, row.get("v")),
        () -> assertEquals((short) 5, row.get("five")),
        () -> assertEquals(12, row.get("again")),
        () -> assertEquals(List.of(12), row.get("arr")));
  }

  @Test
  void missingNameIsProgrammingErrorNamingIt(Connection conn) {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> conn.execute("SELECT :a::int4, :b::int4", Map.of("a", 1)));

    assertTrue(error.getMessage().contains(":b"), error.getMessage());
    assertNull(error.sqlState(), "raised by the driver, not the server");
    assertConnectionUsable(conn);
  }

  @Test
  void extraKeyIsProgrammingErrorNamingIt(Connection conn) {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> conn.execute("SELECT :a::int4", Map.of("a", 1, "typo", 2)));

    assertTrue(error.getMessage().contains(":typo"), error.getMessage());
    assertNull(error.sqlState(), "raised by the driver, not the server");
    assertConnectionUsable(conn);
  }

  @Test
  void tooFewPositionalParametersFailBeforeAnythingIsSent(Connection conn) {
    conn.execute("CREATE TABLE too_few (a int, b int)");

    ProgrammingError error =
        assertThrows(
            ProgrammingError.class, () -> conn.execute("INSERT INTO too_few VALUES ($1, $2)", 1));

    assertEquals(ProgrammingError.class, error.getClass());
    assertNull(error.sqlState(), "raised by the driver, not the server");
    assertTrue(error.getMessage().contains("2 placeholders"), error.getMessage());
    assertConnectionUsable(conn);
    assertEquals(0L, conn.execute("SELECT count(*) FROM too_few").fetchOne().get(0));
  }

  @Test
  void tooManyPositionalParametersFailBeforeAnythingIsSent(Connection conn) {
    ProgrammingError tooMany =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT $1::int4", 1, 2));
    ProgrammingError noneWanted =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT 1", 1));

    assertNull(tooMany.sqlState());
    assertTrue(noneWanted.getMessage().contains("no placeholders"), noneWanted.getMessage());
    assertConnectionUsable(conn);
  }

  @Test
  void namedSqlWithPositionalValuesAndTheReverseAreProgrammingErrors(Connection conn) {
    assertThrows(ProgrammingError.class, () -> conn.execute("SELECT :a::int4", 1));
    assertThrows(ProgrammingError.class, () -> conn.execute("SELECT $1::int4", Map.of("a", 1)));
    assertConnectionUsable(conn);
  }

  @Test
  void placeholdersInsideQuotesDollarQuotesAndCommentsAreNotPlaceholders(Connection conn) {
    Row row =
        conn.execute(
                "SELECT '$1' AS quoted, $$:x$$ AS dollar, $1::int4 AS real, \"col:z\".v AS ident"
                    + " FROM (SELECT 1 AS v) AS \"col:z\" -- :y $2",
                7)
            .fetchOne();

    assertAll(
        () -> assertEquals("$1", row.get("quoted")),
        () -> assertEquals(":x", row.get("dollar")),
        () -> assertEquals(7, row.get("real")),
        () -> assertEquals(1, row.get("ident")));
  }

  @Test
  void namedPlaceholdersSkipQuotesTaggedDollarQuotesAndBlockComments(Connection conn) {
    Row row =
        conn.execute(
                "SELECT ':a' AS q, $tag$ :b $1 $tag$ AS d, E'it\\'s :c' AS e, :a::int4 AS real"
                    + " /* :d $2 /* nested :e */ */",
                Map.of("a", 5))
            .fetchOne();

    assertAll(
        () -> assertEquals(":a", row.get("q")),
        () -> assertEquals(" :b $1 ", row.get("d")),
        () -> assertEquals("it's :c", row.get("e")),
        () -> assertEquals(5, row.get("real")));
  }

  @Test
  void textThatOnlyLooksLikePlaceholdersRunsWithoutParameters(Connection conn) {
    Row row = conn.execute("SELECT '$1 :name' AS text").fetchOne();

    assertEquals("$1 :name", row.get(0));
  }

  private static Map<String, Object> mapOf(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static void assertConnectionUsable(Connection conn) {
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(2, conn.execute("SELECT $1::int4 + 1", 1).fetchOne().get(0));
  }
}
