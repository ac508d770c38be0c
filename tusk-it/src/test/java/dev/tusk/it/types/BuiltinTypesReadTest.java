package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgBitString;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgMacAddress;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Built-in types the driver reads but does not send from a Java type of their own (money, the reg*
 * types, xml, text search, vectors, snapshots, void), conversions to other Java types, parameters
 * the server types from the statement (ranges without bounds, InetAddress), and the errors for
 * values the driver refuses.
 */
@Tag("versions")
@TuskTest
class BuiltinTypesReadTest {

  @Test
  void moneyReadsAsBigDecimalWithTwoFractionDigits(Connection conn) {
    assertBothFormats(conn, "SELECT '-1234567.891'::money", args(), new BigDecimal("-1234567.89"));
    assertBothFormats(
        conn,
        "SELECT ARRAY['0.05'::money, NULL, '92233720368547758.07']",
        args(),
        Arrays.asList(new BigDecimal("0.05"), null, new BigDecimal("92233720368547758.07")));
    assertBothFormats(
        conn, "SELECT $1::numeric::money", args(new BigDecimal("12.5")), new BigDecimal("12.50"));
    forEachFormat(
        conn,
        "SELECT '-92233720368547758.08'::money, '-92233720368547758.08'::money::text",
        args(),
        (format, row) -> assertEquals(row.getString(1), row.getString(0), format::name));
  }

  @Test
  void regTypesReadAsTheObjectsName(Connection conn) {
    assertBothFormats(conn, "SELECT 'int4'::regtype", args(), "integer");
    assertBothFormats(conn, "SELECT 'pg_class'::regclass", args(), "pg_class");
    assertBothFormats(conn, "SELECT 'now'::regproc", args(), "now");
    assertBothFormats(conn, "SELECT 'pg_catalog'::regnamespace", args(), "pg_catalog");
    assertBothFormats(conn, "SELECT 'english'::regconfig", args(), "english");
    assertBothFormats(conn, "SELECT '\"C\"'::regcollation", args(), "\"C\"");
    assertBothFormats(
        conn,
        "SELECT ARRAY['int4'::regtype, NULL, 'text']",
        args(),
        Arrays.asList("integer", null, "text"));
    assertBothFormats(conn, "SELECT 'int4'::regtype::oid", args(), 23L);
  }

  @Test
  void textTypesReadAsTheServersText(Connection conn) {
    assertBothFormats(conn, "SELECT '<a x=\"1\">b</a>'::xml", args(), "<a x=\"1\">b</a>");
    assertBothFormats(conn, "SELECT 'a fat cat'::tsvector", args(), "'a' 'cat' 'fat'");
    assertBothFormats(conn, "SELECT 'fat & !cat'::tsquery", args(), "'fat' & !'cat'");
    assertBothFormats(conn, "SELECT '10:20:10,14,15'::pg_snapshot", args(), "10:20:10,14,15");
    assertBothFormats(conn, "SELECT '10:20:'::txid_snapshot", args(), "10:20:");
    assertBothFormats(conn, "SELECT pg_sleep(0)", args(), "");
  }

  @Test
  void vectorsReadAsLists(Connection conn) {
    assertBothFormats(
        conn, "SELECT '1 -2 3'::int2vector", args(), List.of((short) 1, (short) -2, (short) 3));
    assertBothFormats(conn, "SELECT ''::int2vector", args(), List.of());
    assertBothFormats(conn, "SELECT '23 4294967295'::oidvector", args(), List.of(23L, 4294967295L));
    assertBothFormats(
        conn,
        // A literal, not ARRAY[...]: before 15 the constructor takes int2vector elements for
        // sub-arrays ("multidimensional arrays must have array expressions with matching ...").
        "SELECT '{\"1 2\",NULL}'::int2vector[]",
        args(),
        Arrays.asList(List.of((short) 1, (short) 2), null));
    forEachFormat(
        conn,
        "SELECT indkey FROM pg_index WHERE indexrelid = 'pg_class_oid_index'::regclass",
        args(),
        (format, row) -> assertEquals("1", row.getString(0), format::name));
  }

  @Test
  void conversionsToOtherJavaTypes(Connection conn) {
    forEachFormat(
        conn,
        "SELECT '10.0.0.1'::inet, '10.0.0.0/8'::cidr, B'1011'::bit(4), '16/B374D848'::pg_lsn",
        args(),
        (format, row) -> {
          InetAddress host = row.get(0, InetAddress.class);
          assertEquals("10.0.0.1", host.getHostAddress(), format::name);
          assertEquals(host, row.get(0, Inet4Address.class), format::name);
          assertMentions(
              assertThrows(DataError.class, () -> row.get(1, InetAddress.class)),
              "10.0.0.0/8",
              "PgInet");
          assertEquals(BitSet.valueOf(new byte[] {0b1101}), row.get(2, BitSet.class));
          assertArrayEquals(new boolean[] {true, false, true, true}, row.get(2, boolean[].class));
          assertEquals(0x16_B374_D848L, row.getLong(3), format::name);
          assertEquals("16/B374D848", row.getString(3), format::name);
        });
  }

  @Test
  void inetAddressAndBoundlessRangesAsParameters(Connection conn) throws Exception {
    InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    assertBothFormats(conn, "SELECT $1", args(address), PgInet.of(address));
    assertBothFormats(
        conn,
        "SELECT $1::int4range, $1::int4range::text",
        args(PgRange.<Integer>empty()),
        PgRange.empty());
    assertBothFormats(
        conn, "SELECT $1::daterange", args(PgRange.<LocalDate>unbounded()), PgRange.unbounded());
    assertBothFormats(
        conn, "SELECT $1::nummultirange", args(PgMultirange.<BigDecimal>of()), PgMultirange.of());
    assertBothFormats(
        conn,
        "SELECT $1::int8range[]",
        args(List.of(PgRange.<Long>empty(), PgRange.closedOpen(1L, 2L))),
        List.of(PgRange.empty(), PgRange.closedOpen(1L, 2L)));
    assertBothFormats(
        conn,
        "SELECT $1::int4multirange[]",
        args(List.of(PgMultirange.<Integer>of())),
        List.of(PgMultirange.of()));
  }

  @Test
  void instantBoundsMakeATstzrange(Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    Instant start = Instant.parse("2024-05-06T07:08:09.123456Z");
    forEachFormat(
        conn,
        "SELECT pg_typeof($1)::text, $1::text",
        args(PgRange.closedOpen(start, null)),
        (format, row) -> {
          assertEquals("tstzrange", row.getString(0), format::name);
          assertEquals("[\"2024-05-06 07:08:09.123456+00\",)", row.getString(1), format::name);
        });
  }

  @Test
  void wrongValuesAreTypedErrorsNamingTheParameter(Connection conn) {
    assertMentions(
        assertFails(
            ProgrammingError.class,
            conn,
            () -> conn.execute("SELECT $1", PgRange.closed("a", "b"))),
        "$1",
        "java.lang.String",
        "range");
    assertMentions(
        assertFails(
            ProgrammingError.class,
            conn,
            () -> conn.execute("SELECT $1", PgRange.<Object>closed(1, 2L))),
        "$1",
        "java.lang.Long",
        "int4range");
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () ->
                conn.execute(
                    "SELECT $1::macaddr[]",
                    List.of(
                        PgMacAddress.parse("08:00:2b:01:02:03"),
                        PgMacAddress.parse("08:00:2b:01:02:03:04:05")))),
        "$1",
        "macaddr");
    assertMentions(
        assertFails(
            ProgrammingError.class,
            conn,
            () -> conn.execute("SELECT $1", PgBitString.parse("1").toBitSet())),
        "$1",
        "java.util.BitSet");
  }

  @Test
  void readingAsAnUnrelatedJavaTypeNamesBothTypes(Connection conn) {
    forEachFormat(
        conn,
        "SELECT '[1,2)'::int4range AS r",
        args(),
        (format, row) ->
            assertMentions(
                assertThrows(ProgrammingError.class, () -> row.get(0, Integer.class)),
                "int4range",
                "java.lang.Integer",
                "r"));
  }

  private static <E extends TuskException> E assertFails(
      Class<E> type, Connection conn, Executable work) {
    E error = assertThrows(type, work);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0), "the connection is still usable");
    return error;
  }

  private static void assertMentions(Throwable error, String... parts) {
    for (String part : parts) {
      assertTrue(
          error.getMessage().contains(part),
          () -> "'" + part + "' missing from: " + error.getMessage());
    }
  }
}
