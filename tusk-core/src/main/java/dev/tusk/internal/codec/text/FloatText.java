package dev.tusk.internal.codec.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Floating-point values in the text format. Rendering matches PostgreSQL 12+'s shortest-exact
 * output: the same digits as Java's shortest representation (except for the few values where the
 * two choose differently, see {@link #serverDigits}), laid out as the server does (fixed notation
 * for decimal exponents from -4 up to 14 for float8 and 5 for float4, otherwise {@code 1.5e+20}).
 */
public final class FloatText {

  /** float8 switches to scientific notation at 10^15, float4 at 10^6 (printf's %g defaults). */
  private static final int FLOAT8_FIXED_LIMIT = 15;

  private static final int FLOAT4_FIXED_LIMIT = 6;

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private FloatText() {}

  /** Parses the server's float8 output: a decimal number, {@code NaN}, or {@code [-]Infinity}. */
  public static double parseDouble(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw DecodeErrors.badText("float8", text);
    }
  }

  /**
   * Parses the server's float4 output. Parsed as a float directly: going through double could round
   * twice.
   */
  public static float parseFloat(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw DecodeErrors.badText("float4", text);
    }
  }

  public static String render(double value) {
    return render(value, Double.toString(Math.abs(value)), FLOAT8_FIXED_LIMIT, false);
  }

  public static String render(float value) {
    return render(value, Float.toString(Math.abs(value)), FLOAT4_FIXED_LIMIT, true);
  }

  /**
   * Re-lays Java's shortest digits ({@code javaText}, of the absolute value) out as PostgreSQL
   * does; {@code single} says whether the value is a float4.
   */
  private static String render(double value, String javaText, int fixedLimit, boolean single) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
    if (Double.isInfinite(value)) {
      return sign + "Infinity";
    }
    if (value == 0) {
      return sign + "0";
    }
    int e = javaText.indexOf('E');
    String mantissa = e < 0 ? javaText : javaText.substring(0, e);
    int point = mantissa.indexOf('.');
    StringBuilder digits = new StringBuilder(mantissa).deleteCharAt(point);
    int integerDigits =
        point + (e < 0 ? 0 : Integer.parseInt(javaText, e + 1, javaText.length(), 10));
    while (digits.charAt(0) == '0') {
      digits.deleteCharAt(0);
      integerDigits--;
    }
    while (digits.length() > 1 && digits.charAt(digits.length() - 1) == '0') {
      digits.setLength(digits.length() - 1);
    }
    int exponent = integerDigits - 1;
    BigDecimal serverChoice = serverDigits(Math.abs(value), single, digits, exponent);
    if (serverChoice != null) {
      digits = new StringBuilder(serverChoice.unscaledValue().toString());
      exponent = serverChoice.precision() - serverChoice.scale() - 1;
    }
    if (exponent >= -4 && exponent < fixedLimit) {
      return sign + fixed(digits, exponent);
    }
    return sign + scientific(digits, exponent);
  }

  /**
   * The server's digits where they may differ from Java's, else null. The server's Ryu takes the
   * nearest of the shortest decimals strictly between the midpoints to the neighbouring values.
   * Java's toString differs in two ways. It accepts a midpoint that reads back by ties-to-even
   * (33554448f is 3.355445E7 in Java, 3.3554448e+07 in PostgreSQL), which only a value whose
   * midpoints are integers can meet. And when one digit is enough it may prefer a closer two-digit
   * decimal, which only the smallest subnormals have (Double.MIN_VALUE is 4.9E-324, and 5e-324).
   */
  private static BigDecimal serverDigits(
      double magnitude, boolean single, CharSequence javaDigits, int javaExponent) {
    boolean subnormal = magnitude < (single ? Float.MIN_NORMAL : Double.MIN_NORMAL);
    double above = single ? Math.ulp((float) magnitude) : Math.ulp(magnitude);
    if (!subnormal && above < 2) {
      return null;
    }
    double previous = single ? Math.nextDown((float) magnitude) : Math.nextDown(magnitude);
    BigDecimal exact = new BigDecimal(magnitude);
    BigDecimal low = exact.add(new BigDecimal(previous)).divide(TWO);
    BigDecimal high = exact.add(new BigDecimal(above).divide(TWO));
    if (subnormal) {
      return nearestInside(exact, low, high, 1);
    }
    BigDecimal java =
        new BigDecimal(
            new BigInteger(javaDigits.toString()), javaDigits.length() - 1 - javaExponent);
    if (java.compareTo(low) != 0 && java.compareTo(high) != 0) {
      return null;
    }
    return nearestInside(exact, low, high, javaDigits.length());
  }

  /**
   * The decimal nearest {@code exact} (ties to even) among the shortest, of at least {@code
   * fromLength} digits, strictly between {@code low} and {@code high}; trailing zeros stripped.
   */
  private static BigDecimal nearestInside(
      BigDecimal exact, BigDecimal low, BigDecimal high, int fromLength) {
    for (int length = fromLength; ; length++) {
      BigDecimal nearest = exact.round(new MathContext(length, RoundingMode.HALF_EVEN));
      BigDecimal other =
          nearest.compareTo(exact) < 0
              ? nearest.add(nearest.ulp())
              : nearest.subtract(nearest.ulp());
      for (BigDecimal candidate : List.of(nearest, other)) {
        if (candidate.compareTo(low) > 0 && candidate.compareTo(high) < 0) {
          return candidate.stripTrailingZeros();
        }
      }
    }
  }

  private static String fixed(StringBuilder digits, int exponent) {
    if (exponent < 0) {
      return "0." + "0".repeat(-exponent - 1) + digits;
    }
    int integerDigits = exponent + 1;
    if (digits.length() <= integerDigits) {
      return digits + "0".repeat(integerDigits - digits.length());
    }
    return digits.insert(integerDigits, '.').toString();
  }

  private static String scientific(StringBuilder digits, int exponent) {
    if (digits.length() > 1) {
      digits.insert(1, '.');
    }
    int magnitude = Math.abs(exponent);
    return digits
        .append(exponent < 0 ? "e-" : "e+")
        .append(magnitude < 10 ? "0" : "")
        .append(magnitude)
        .toString();
  }
}
