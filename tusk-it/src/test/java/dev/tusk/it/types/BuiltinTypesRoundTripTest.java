package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgBitString;
import dev.tusk.types.PgBox;
import dev.tusk.types.PgCircle;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgLine;
import dev.tusk.types.PgLineSegment;
import dev.tusk.types.PgLsn;
import dev.tusk.types.PgMacAddress;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgPath;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgPolygon;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network, geometric, bit string, pg_lsn, range and multirange types, and arrays of each with
 * NULLs: a Java value sent as a parameter comes back as the server stores it in both result
 * formats, the server prints it as it prints a literal of the same value, and the driver renders it
 * as the server does.
 */
@Tag("versions")
@TuskTest
class BuiltinTypesRoundTripTest {

  private static final PgPoint ORIGIN = new PgPoint(0, 0);

  /**
   * PostgreSQL type, Java value, a literal of the same value, and what the server gives back (the
   * value itself unless the server normalises it).
   */
  static Stream<Arguments> scalars() {
    return Stream.of(
        same("inet", PgInet.of(ipv4(192, 168, 0, 1)), "192.168.0.1"),
        same("inet", new PgInet(ipv4(10, 1, 2, 3), 8), "10.1.2.3/8"),
        same("inet", new PgInet(ipv4(0, 0, 0, 0), 0), "0.0.0.0/0"),
        same("inet", PgInet.of(ipv6("20010db8000000000000000000000001")), "2001:DB8::1"),
        same("inet", PgInet.of(ipv6("00000000000000000000ffff01020304")), "::ffff:1.2.3.4"),
        same("inet", PgInet.of(ipv6("00000000000000000000000001020304")), "::1.2.3.4"),
        same("inet", new PgInet(ipv6("00000000000000000000000000000000"), 0), "::/0"),
        same("inet", PgInet.of(ipv6("00010000000000010000000000000001")), "1:0:0:1::1"),
        same("inet", PgInet.of(ipv6("00000001000200030004000500060007")), "0:1:2:3:4:5:6:7"),
        same("cidr", new PgInet(ipv4(10, 0, 0, 0), 8), "10/8"),
        same("cidr", PgInet.of(ipv4(1, 2, 3, 4)), "1.2.3.4"),
        same("cidr", new PgInet(ipv6("20010db8000000000000000000000000"), 32), "2001:db8::/32"),
        same("macaddr", PgMacAddress.of(hex("08002b010203")), "08-00-2B-01-02-03"),
        same("macaddr8", PgMacAddress.of(hex("08002b0102030405")), "0800.2b01.0203.0405"),
        same("point", new PgPoint(1.5, -0.0), "(1.5,-0)"),
        same("point", new PgPoint(Double.NaN, Double.NEGATIVE_INFINITY), "(NaN,-Infinity)"),
        same("point", new PgPoint(0.1, 1e300), "(0.1,1e300)"),
        same("line", new PgLine(1, -1, 0.5), "{1,-1,0.5}"),
        same("lseg", new PgLineSegment(new PgPoint(1, 2), new PgPoint(3, 4)), "[(1,2),(3,4)]"),
        same("box", new PgBox(new PgPoint(3, 4), new PgPoint(1, 2)), "(1,2),(3,4)"),
        same("box", new PgBox(new PgPoint(-1, 5), new PgPoint(2, -3)), "(2,5),(-1,-3)"),
        same("path", new PgPath(List.of(new PgPoint(1, 2)), false), "[(1,2)]"),
        same("path", new PgPath(List.of(ORIGIN, new PgPoint(1, 1)), true), "((0,0),(1,1))"),
        same("polygon", new PgPolygon(List.of(ORIGIN, new PgPoint(0, 1))), "((0,0),(0,1))"),
        same("circle", new PgCircle(new PgPoint(1, 2), 3.25), "<(1,2),3.25>"),
        same("varbit", PgBitString.parse(""), ""),
        same("varbit", PgBitString.parse("101100111"), "101100111"),
        same("bit(8)", PgBitString.parse("10000001"), "10000001"),
        same("pg_lsn", new PgLsn(0x16_B374_D848L), "16/B374D848"),
        same("pg_lsn", new PgLsn(0), "0/0"),
        same("int4range", PgRange.closedOpen(1, 10), "[1,10)"),
        arguments("int4range", PgRange.closed(1, 10), "(0,10]", PgRange.closedOpen(1, 11)),
        arguments("int4range", PgRange.open(3, 4), "[4,4)", PgRange.empty()),
        same("int4range", PgRange.of(null, 5, false, false), "(,5)"),
        same("int8range", PgRange.of(Long.MIN_VALUE, null, true, false), "[-9223372036854775808,)"),
        same("numrange", PgRange.closed(new BigDecimal("1.50"), new BigDecimal("2")), "[1.50,2]"),
        same("numrange", PgRange.open(new BigDecimal("-1"), null), "(-1,)"),
        same(
            "daterange",
            PgRange.closedOpen(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)),
            "[2024-02-29,2024-03-01)"),
        same(
            "tsrange",
            PgRange.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5), null, true, false),
            "[\"2024-01-02 03:04:05\",)"),
        same(
            "tstzrange",
            PgRange.closed(
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000, ZoneOffset.UTC),
                OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
            "[\"2024-01-02 04:04:05.000006+01\",\"2025-01-01 00:00:00+00\"]"),
        same(
            "int4multirange",
            PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7)),
            "{[1,3), [5,7)}"),
        same("int4multirange", PgMultirange.of(PgRange.closedOpen(1, 3)), "{[1,3)}"),
        arguments(
            "int8multirange",
            PgMultirange.of(PgRange.closedOpen(5L, 7L), PgRange.closed(1L, 5L)),
            "{[1,7)}",
            PgMultirange.of(PgRange.closedOpen(1L, 7L))),
        same(
            "datemultirange",
            PgMultirange.of(PgRange.of(null, LocalDate.of(2000, 1, 1), false, false)),
            "{(,2000-01-01)}"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("scalars")
  void valueComesBackAsTheServerStoresIt(
      String type, Object value, String literal, Object expected, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    assertBothFormats(conn, "SELECT $1::" + type, args(value), expected);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("scalars")
  void serverPrintsTheParameterAsItPrintsTheLiteral(
      String type, Object value, String literal, Object expected, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    ServerText.assertSameAsLiteral(conn, type, value, literal);
  }

  @ParameterizedTest(name = "{0}[] {2}")
  @MethodSource("scalars")
  void arrayWithNullsComesBackAsTheServerStoresIt(
      String type, Object value, String literal, Object expected, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    assertBothFormats(
        conn,
        "SELECT $1::" + type + "[]",
        args(Arrays.asList(value, null, value)),
        Arrays.asList(expected, null, expected));
    String element = quoted(literal);
    // box is the one built-in type whose array delimiter is ';' rather than ','.
    String delimiter = type.equals("box") ? ";" : ",";
    ServerText.assertSameAsLiteral(
        conn,
        type + "[]",
        Arrays.asList(value, null, value),
        "{" + element + delimiter + "NULL" + delimiter + element + "}");
  }

  private static Arguments same(String type, Object value, String literal) {
    return arguments(type, value, literal, value);
  }

  /** An array_in element: always quoted, with {@code "} and {@code \} escaped. */
  private static String quoted(String literal) {
    return '"' + literal.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static InetAddress ipv4(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Kept IPv6 even when IPv4-mapped, as the server keeps it. */
  private static InetAddress ipv6(String hex) {
    try {
      return Inet6Address.getByAddress(null, hex(hex), -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
