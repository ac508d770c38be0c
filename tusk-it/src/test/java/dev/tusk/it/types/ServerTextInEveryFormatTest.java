package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code getString} equals the server's own text output whatever the result format: each statement
 * selects values next to their {@code ::text}, and both runs (text first, then binary) must read
 * each value as a String exactly as the server printed it, in sessions whose settings change that
 * text (TimeZone, bytea_output) and for arrays with lower bounds other than 1.
 */
@TuskTest
class ServerTextInEveryFormatTest {

  /** Asserts, for each format, that column 2i reads as a String equal to column 2i+1. */
  private static void assertServerText(Connection conn, String sql) {
    BothFormats.forEachFormat(
        conn,
        sql,
        args(),
        (format, row) -> {
          for (int i = 0; i < row.size(); i += 2) {
            assertEquals(
                row.getString(i + 1),
                row.getString(i),
                format + " format, column " + row.columnNames().get(i) + " of " + sql);
          }
        });
    Row prepared = conn.execute(Query.of(sql).withPrepare(true)).fetchOne();
    for (int i = 0; i < prepared.size(); i += 2) {
      assertEquals(prepared.getString(i + 1), prepared.getString(i), "prepared run of " + sql);
    }
  }

  @Test
  void timestamptzIsShownInTheSessionTimeZone(Connection conn) {
    for (String zone : List.of("Asia/Kathmandu", "America/New_York", "Europe/Paris", "UTC")) {
      conn.execute("SET TimeZone = '" + zone + "'");
      assertServerText(
          conn,
          "SELECT t, t::text, r, r::text, a, a::text, m, m::text FROM (SELECT"
              + " '2024-01-01 00:00:00+00'::timestamptz AS t,"
              + " tstzrange('2024-07-01 12:30:00.5+00', 'infinity') AS r,"
              + " ARRAY['2024-01-01 00:00:00+00', '1890-06-01 00:00:00+00', NULL]::timestamptz[]"
              + " AS a,"
              + " tstzmultirange(tstzrange('2024-03-31 00:59:59+00', '2024-03-31 01:00:00+00'))"
              + " AS m) v");
    }
    conn.execute("SET TIME ZONE INTERVAL '+05:45' HOUR TO MINUTE");
    assertServerText(
        conn, "SELECT t, t::text FROM (SELECT '2024-01-01 00:00:00+00'::timestamptz AS t) v");
    conn.execute("SET TimeZone = 'Asia/Kathmandu'");
    Row kathmandu =
        BothFormats.run(conn, "SELECT '2024-01-01 00:00:00+00'::timestamptz", args()).binary();
    assertEquals("2024-01-01 05:45:00+05:45", kathmandu.getString(0));
  }

  @Test
  void arraysKeepTheirLowerBoundsInTextAndAsValues(Connection conn) {
    assertServerText(
        conn,
        "SELECT a, a::text, b, b::text, c, c::text FROM (SELECT '[0:2]={1,2,3}'::int[] AS a,"
            + " '[-1:0][3:4]={{a,b},{c,\"d e\"}}'::text[] AS b, '{7,8}'::int[] AS c) v");
    BothFormats.forEachFormat(
        conn,
        "SELECT '[0:2]={1,2,3}'::int[], '[2:3][-1:-1]={{x},{y}}'::text[], '{1}'::int[]",
        args(),
        (format, row) -> {
          PgArray ints = assertInstanceOf(PgArray.class, row.get(0), format.toString());
          assertArrayEquals(new int[] {0}, ints.lowerBounds());
          assertEquals(List.of(1, 2, 3), ints);
          PgArray texts = assertInstanceOf(PgArray.class, row.get(1), format.toString());
          assertArrayEquals(new int[] {2, -1}, texts.lowerBounds());
          assertEquals(List.of(List.of("x"), List.of("y")), texts);
          assertEquals(List.of(1), row.get(2));
          assertEquals(false, row.get(2) instanceof PgArray, format.toString());
          assertArrayEquals(new int[] {1, 2, 3}, row.get(0, int[].class));
        });
  }

  @Test
  void byteaFollowsTheSessionsByteaOutput(Connection conn) {
    // From a table: the text of constants would be folded into a cached plan.
    conn.execute(
        "CREATE TEMP TABLE blobs AS SELECT '\\x00ff41275c'::bytea AS b,"
            + " ARRAY['\\x0001'::bytea, 'abc'::bytea] AS a");
    conn.execute("SET bytea_output = 'escape'");
    String sql = "SELECT b, b::text, a, a::text FROM blobs";
    assertServerText(conn, sql);
    BothFormats.forEachFormat(
        conn,
        sql,
        args(),
        (format, row) ->
            assertArrayEquals(new byte[] {0, (byte) 0xFF, 'A', '\'', '\\'}, row.getBytes(0)));
    conn.execute("SET bytea_output = 'hex'");
    assertServerText(conn, sql);
  }
}
