package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.RowFactories;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Floating-point and numeric values at their edges, in both result formats: NaN, the infinities and
 * -0, which numeric can only give as a Double, and numerics at the limits of their format.
 */
@TuskTest
class NumericEdgesTest {

  @Test
  void floatSpecialsRoundTripExactly(Connection conn) {
    List<Double> doubles =
        List.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_NORMAL,
            Double.MAX_VALUE);
    for (double value : doubles) {
      assertBothFormats(conn, "SELECT $1::float8", args(value), value);
      assertBothFormats(conn, "SELECT $1::float4", args((float) value), (float) value);
    }
    ServerText.assertSameAsLiteral(conn, "float8", Double.NaN, "nan");
    ServerText.assertSameAsLiteral(conn, "float8", Double.NEGATIVE_INFINITY, "-inf");
    ServerText.assertSameAsLiteral(conn, "float4", Float.POSITIVE_INFINITY, "Infinity");
    ServerText.assertSameAsLiteral(conn, "float8", -0.0, "-0");
  }

  @Test
  void numericSpecialsReadAsDouble(Connection conn) {
    assertBothFormats(conn, "SELECT 'NaN'::numeric", args(), Double.class, Double.NaN);
    assertBothFormats(
        conn, "SELECT 'Infinity'::numeric", args(), Double.class, Double.POSITIVE_INFINITY);
    assertBothFormats(conn, "SELECT $1::numeric", args(Double.NaN), Double.class, Double.NaN);
    assertBothFormats(conn, "SELECT 'NaN'::numeric", args(), String.class, "NaN");
    assertBothFormats(conn, "SELECT '-Infinity'::numeric", args(), String.class, "-Infinity");
  }

  /**
   * Reading a row never fails on a value the server sent: numeric NaN and the infinities are
   * Doubles by default, alone, in arrays, in ranges and through the map row factory; only asking
   * for a BigDecimal fails, with a DataError that says to read a Double.
   */
  @Test
  void numericSpecialsNeverMakeReadingARowThrow(Connection conn) {
    assertBothFormats(conn, "SELECT 'NaN'::numeric", args(), Double.NaN);
    assertBothFormats(conn, "SELECT '-Infinity'::numeric", args(), Double.NEGATIVE_INFINITY);
    assertBothFormats(conn, "SELECT 1.50::numeric", args(), new BigDecimal("1.50"));
    assertBothFormats(
        conn,
        "SELECT '{1.5,NaN,Infinity,NULL}'::numeric[]",
        args(),
        Arrays.asList(new BigDecimal("1.5"), Double.NaN, Double.POSITIVE_INFINITY, null));
    assertBothFormats(
        conn,
        "SELECT '{1.5,NaN}'::numeric[]",
        args(),
        Double[].class,
        new Double[] {1.5, Double.NaN});
    assertBothFormats(
        conn,
        "SELECT numrange(1.5, 'Infinity')",
        args(),
        PgRange.<Number>closedOpen(new BigDecimal("1.5"), Double.POSITIVE_INFINITY));
    ServerText.assertSameAsLiteral(conn, "numeric[]", List.of(Double.NaN), "{NaN}");
    BothFormats.forEachFormat(
        conn,
        "SELECT 'NaN'::numeric AS n, numrange(1, 'Infinity') AS r, '{NaN}'::numeric[] AS a",
        args(),
        (format, row) -> {
          assertEquals("NaN", row.getString(0), format.toString());
          assertEquals("[1,Infinity)", row.getString(1), format.toString());
          assertEquals("{NaN}", row.getString(2), format.toString());
          assertTrue(Double.isNaN(row.getDouble(0)), format.toString());
          DataError error = assertThrows(DataError.class, () -> row.getBigDecimal(0));
          assertTrue(error.getMessage().contains("read it as Double"), error.getMessage());
        });
    try (Cursor<Map<String, Object>> cursor =
        conn.cursor(RowFactories.map())
            .execute("SELECT 'NaN'::numeric AS n, '{-Infinity}'::numeric[] AS a")) {
      Map<String, Object> row = cursor.fetchOne();
      assertEquals(Double.NaN, row.get("n"));
      assertEquals(List.of(Double.NEGATIVE_INFINITY), row.get("a"));
    }
  }

  /**
   * numeric's binary format carries at most 16383 digits after the point and, with its int16
   * weight, 131072 before it.
   */
  @Test
  void numericAtTheLimitsOfItsFormatRoundTrips(Connection conn) {
    BigDecimal smallest = BigDecimal.ONE.movePointLeft(16_383);
    assertBothFormats(conn, "SELECT $1::numeric", args(smallest), smallest);
    BigDecimal nines = new BigDecimal(BigInteger.TEN.pow(131_072).subtract(BigInteger.ONE));
    assertBothFormats(conn, "SELECT $1::numeric", args(nines), nines);
    assertBothFormats(conn, "SELECT length($1::numeric::text)", args(nines), 131_072);
  }

  @Test
  void numericBeyondItsFormatIsADataErrorNamingTheParameter(Connection conn) {
    BigDecimal tooFine = BigDecimal.ONE.movePointLeft(16_384);
    DataError scale =
        assertThrows(DataError.class, () -> conn.execute("SELECT $1::numeric", tooFine));
    assertTrue(scale.getMessage().startsWith("parameter $1: "), scale.getMessage());
    BigDecimal tooLarge = BigDecimal.ONE.movePointRight(131_072);
    DataError weight =
        assertThrows(DataError.class, () -> conn.execute("SELECT $1::numeric", tooLarge));
    assertTrue(weight.getMessage().startsWith("parameter $1: "), weight.getMessage());
    assertBothFormats(conn, "SELECT 1", args(), 1);
  }
}
