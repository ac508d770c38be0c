package dev.tusk.it.types;

import static dev.tusk.it.types.ServerText.assertRoundTrip;
import static dev.tusk.it.types.ServerText.assertSameAsLiteral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import dev.tusk.types.PgBitString;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Arbitrary inet addresses (IPv4 and IPv6, any prefix), bit strings, points (NaN and infinities
 * included), int4 and numeric ranges (bounded, unbounded, inclusive or not) and multiranges sent as
 * parameters: the server prints each as it prints a literal of the same value, written here
 * independently of the driver, and the driver decodes both formats alike and renders them as the
 * server does.
 */
class BuiltinTypesPropertiesTest {

  private Connection conn;

  @BeforeProperty
  void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
  }

  @AfterProperty
  void close() {
    conn.close();
  }

  @Property(tries = 150)
  void inetRoundTrips(@ForAll("addresses") byte[] address, @ForAll @IntRange(max = 128) int bits)
      throws UnknownHostException {
    InetAddress host =
        address.length == 4
            ? InetAddress.getByAddress(address)
            : Inet6Address.getByAddress(null, address, -1);
    PgInet value = new PgInet(host, Math.min(bits, address.length * 8));
    // Java's uncompressed form: the server parses it and prints its own.
    String literal = host.getHostAddress() + "/" + value.prefixLength();
    assertRoundTrip(conn, "inet", value, literal, value);
  }

  @Property(tries = 150)
  void bitStringRoundTrips(@ForAll("bits") List<Boolean> bits) {
    boolean[] array = new boolean[bits.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = bits.get(i);
    }
    PgBitString value = PgBitString.of(array);
    String literal = bits.stream().map(bit -> bit ? "1" : "0").collect(Collectors.joining());
    assertRoundTrip(conn, "varbit", value, literal, value);
  }

  @Property(tries = 150)
  void pointRoundTrips(@ForAll("coordinates") double x, @ForAll("coordinates") double y) {
    PgPoint value = new PgPoint(x, y);
    assertRoundTrip(conn, "point", value, "(" + x + "," + y + ")", value);
  }

  @Property(tries = 200)
  void int4RangeMatchesTheServersCanonicalForm(@ForAll("int4Ranges") PgRange<Integer> value) {
    BothFormats.Rows rows = assertSameAsLiteral(conn, "int4range", value, literal(value));
    assertEquals(rows.text().get(0), rows.binary().get(0));
  }

  @Property(tries = 150)
  void numRangeRoundTrips(@ForAll("numRanges") PgRange<BigDecimal> value) {
    BothFormats.Rows rows = assertSameAsLiteral(conn, "numrange", value, literal(value));
    assertEquals(rows.text().get(0), rows.binary().get(0));
  }

  @Property(tries = 150)
  void int4MultirangeMatchesTheServersNormalForm(
      @ForAll("int4Multiranges") PgMultirange<Integer> value) {
    String literal =
        value.ranges().stream()
            .map(BuiltinTypesPropertiesTest::literal)
            .collect(Collectors.joining(", ", "{", "}"));
    BothFormats.Rows rows = assertSameAsLiteral(conn, "int4multirange", value, literal);
    assertEquals(rows.text().get(0), rows.binary().get(0));
  }

  @Provide
  Arbitrary<byte[]> addresses() {
    Arbitrary<byte[]> ipv4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
    // Mostly zero bytes, so that runs of zero words (:: forms) and ::ffff: prefixes come up.
    Arbitrary<byte[]> ipv6 =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.just((byte) 0xFF)),
                Tuple.of(2, Arbitraries.bytes()))
            .array(byte[].class)
            .ofSize(16);
    return Arbitraries.oneOf(ipv4, ipv6);
  }

  @Provide
  Arbitrary<List<Boolean>> bits() {
    return Arbitraries.oneOf(
        Arbitraries.of(true, false).list().ofMaxSize(20),
        Arbitraries.of(true, false).list().ofMinSize(990).ofMaxSize(1000));
  }

  @Provide
  Arbitrary<Double> coordinates() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.of(
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300));
  }

  @Provide
  Arbitrary<PgRange<Integer>> int4Ranges() {
    return ranges(Arbitraries.integers().between(-50, 50));
  }

  @Provide
  Arbitrary<PgRange<BigDecimal>> numRanges() {
    return ranges(
        Arbitraries.bigDecimals()
            .between(BigDecimal.valueOf(-100), BigDecimal.valueOf(100))
            .ofScale(3));
  }

  @Provide
  Arbitrary<PgMultirange<Integer>> int4Multiranges() {
    return int4Ranges()
        .filter(range -> !range.isEmpty())
        .list()
        .ofMaxSize(4)
        .map(PgMultirange::new);
  }

  /** Bounded or not, inclusive or not, lower never above upper; sometimes empty. */
  private static <T extends Comparable<T>> Arbitrary<PgRange<T>> ranges(Arbitrary<T> bounds) {
    Arbitrary<PgRange<T>> nonEmpty =
        Combinators.combine(
                bounds.injectNull(0.2),
                bounds.injectNull(0.2),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(
                (a, b, lowerInclusive, upperInclusive) -> {
                  boolean swap = a != null && b != null && a.compareTo(b) > 0;
                  return PgRange.of(swap ? b : a, swap ? a : b, lowerInclusive, upperInclusive);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(9, nonEmpty), Tuple.of(1, Arbitraries.just(PgRange.empty())));
  }

  /** A range_in literal written without the driver: bounds as plain toString. */
  private static String literal(PgRange<?> range) {
    if (range.isEmpty()) {
      return "empty";
    }
    return (range.lowerInclusive() ? "[" : "(")
        + (range.lower() == null ? "" : range.lower())
        + ","
        + (range.upper() == null ? "" : range.upper())
        + (range.upperInclusive() ? "]" : ")");
  }
}
