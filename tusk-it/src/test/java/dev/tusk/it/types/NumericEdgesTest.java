package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
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
