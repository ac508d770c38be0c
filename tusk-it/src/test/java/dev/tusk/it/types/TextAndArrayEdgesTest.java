package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text-like values and arrays at their edges, in both result formats: the empty string against
 * NULL, arrays that are empty, all NULL, multi-dimensional or with other lower bounds, and the
 * types whose text the server reshapes: {@code "char"}, {@code name}, {@code bpchar}, {@code jsonb}
 * and {@code bytea} in the escape format.
 */
@TuskTest
class TextAndArrayEdgesTest {

  @Test
  void emptyStringIsNotNull(Connection conn) {
    String sql = "SELECT $1::text, $1::text IS NULL, $2::bytea, $2::bytea IS NULL";
    forEachFormat(
        conn,
        sql,
        args("", ""),
        (format, row) -> {
          assertEquals("", row.get(0), format::name);
          assertEquals(false, row.get(1), format::name);
          assertEquals(0, row.getBytes(2).length, format::name);
          assertEquals(false, row.get(3), format::name);
        });
    forEachFormat(
        conn,
        sql,
        args(null, null),
        (format, row) -> {
          assertTrue(row.isNull(0), format::name);
          assertEquals(true, row.get(1), format::name);
          assertTrue(row.isNull(2), format::name);
          assertEquals(true, row.get(3), format::name);
        });
  }

  @Test
  void emptyArraysDecodeToEmptyLists(Connection conn) {
    assertBothFormats(conn, "SELECT '{}'::int4[]", args(), List.of());
    assertBothFormats(conn, "SELECT '{}'::text[]", args(), List.of());
    assertBothFormats(conn, "SELECT $1::int4[]", args(List.of()), List.of());
    assertBothFormats(conn, "SELECT cardinality($1::text[])", args((Object) new String[0]), 0);
    ServerText.assertSameAsLiteral(conn, "int8[]", new long[0], "{}");
  }

  @Test
  void arraysOfOnlyNullsKeepTheirNulls(Connection conn) {
    List<Object> nulls = Arrays.asList(null, null);
    assertBothFormats(conn, "SELECT '{NULL,NULL}'::int4[]", args(), nulls);
    assertBothFormats(conn, "SELECT $1::int4[]", args(nulls), nulls);
    assertBothFormats(conn, "SELECT $1::date[]", args(nulls), nulls);
    assertBothFormats(conn, "SELECT array_length($1::text[], 1)", args(nulls), 2);
  }

  @Test
  void multiDimensionalArraysDecodeToNestedLists(Connection conn) {
    assertBothFormats(
        conn, "SELECT '{{1,2},{3,4}}'::int4[]", args(), List.of(List.of(1, 2), List.of(3, 4)));
    assertBothFormats(
        conn,
        "SELECT '{{{a}},{{NULL}}}'::text[]",
        args(),
        List.of(List.of(List.of("a")), List.of(Arrays.asList((Object) null))));
    assertBothFormats(
        conn,
        "SELECT ARRAY[ARRAY['x y', '\"'], ARRAY['', 'NULL']]",
        args(),
        List.of(List.of("x y", "\""), List.of("", "NULL")));
  }

  @Test
  void lowerBoundsOtherThanOneAreDropped(Connection conn) {
    assertBothFormats(conn, "SELECT '[0:2]={5,6,7}'::int4[]", args(), List.of(5, 6, 7));
  }

  @Test
  void internalCharIsOneByte(Connection conn) {
    assertBothFormats(conn, "SELECT 'a'::\"char\"", args(), "a");
    assertBothFormats(conn, "SELECT ''::\"char\"", args(), "");
    assertBothFormats(conn, "SELECT '\\351'::\"char\"", args(), "\\351");
    assertBothFormats(
        conn, "SELECT relkind FROM pg_class WHERE oid = 'pg_class'::regclass", args(), "r");
    ServerText.assertSameAsLiteral(conn, "\"char\"", "\\351", "\\351");
  }

  @Test
  void nameIsCutTo63Bytes(Connection conn) {
    String longName = "n".repeat(70);
    assertBothFormats(conn, "SELECT $1::name", args(longName), "n".repeat(63));
    assertBothFormats(
        conn, "SELECT typname FROM pg_type WHERE oid = 'int4'::regtype", args(), "int4");
  }

  @Test
  void bpcharIsPaddedToItsLength(Connection conn) {
    assertBothFormats(conn, "SELECT 'ab'::char(4)", args(), "ab  ");
    assertBothFormats(conn, "SELECT $1::char(4)", args("ab"), "ab  ");
    assertBothFormats(
        conn, "SELECT $1::char(4)[]", args(List.of("ab", "")), List.of("ab  ", "    "));
    assertBothFormats(conn, "SELECT $1::char(4) = 'ab'", args("ab  "), true);
  }

  @Test
  void jsonKeepsItsTextWhileJsonbIsNormalised(Connection conn) {
    String json = "{\"b\": 1,   \"a\": [true,null], \"a\": 2}";
    assertBothFormats(conn, "SELECT $1::json", args(json), String.class, json);
    assertBothFormats(conn, "SELECT $1::jsonb", args(json), String.class, "{\"a\": 2, \"b\": 1}");
    // A repeated key keeps its last value when read, as jsonb keeps it.
    assertBothFormats(conn, "SELECT $1::json", args(json), Map.of("b", 1, "a", 2));
    BothFormats.Rows rows = BothFormats.run(conn, "SELECT $1::jsonb, $1::jsonb::text", json);
    assertEquals(rows.text().getString(1), rows.binary().getString(0));
    assertBothFormats(
        conn,
        "SELECT $1::jsonb[]",
        args(List.of("[1,  2]", "\"\\u00e9\"")),
        List.of(List.of(1, 2), "é"));
    assertBothFormats(
        conn,
        "SELECT $1::jsonb[]::text",
        args(List.of("[1,  2]", "\"\\u00e9\"")),
        "{\"[1, 2]\",\"\\\"é\\\"\"}");
  }

  @Test
  void byteaInTheEscapeFormatDecodes(Connection conn) {
    conn.execute("SET bytea_output = 'escape'");
    byte[] bytes = {0, 'a', '\\', (byte) 0x80, (byte) 0xff, '\'', ' ', 0x7f};
    assertBothFormats(conn, "SELECT $1::bytea", args(bytes), bytes);
    assertBothFormats(conn, "SELECT $1::bytea[]", args(List.of(bytes)), List.of(bytes));
  }

  @Test
  void megabytesOfTextRoundTrip(Connection conn) {
    String large = "ab\uD83D\uDC18ü,\"{}".repeat(150_000);
    assertBothFormats(conn, "SELECT $1::text", args(large), large);
    assertBothFormats(conn, "SELECT $1::text[]", args(List.of(large, "")), List.of(large, ""));
  }
}
