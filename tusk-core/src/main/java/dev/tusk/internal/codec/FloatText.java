package dev.tusk.internal.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;

/**
 * Floating-point values in the text format. Rendering matches PostgreSQL 12+'s shortest-exact
 * output: the same digits as Java's shortest representation (one fewer for the smallest subnormals,
 * see {@link #oneDigit}), laid out as the server does (fixed notation for decimal exponents from -4
 * up to 14 for float8 and 5 for float4, otherwise {@code 1.5e+20}).
 */
final class FloatText {

  /** float8 switches to scientific notation at 10^15, float4 at 10^6 (printf's %g defaults). */
  private static final int FLOAT8_FIXED_LIMIT = 15;

  private static final int FLOAT4_FIXED_LIMIT = 6;

  private static final MathContext ONE_DIGIT = new MathContext(1);

  private FloatText() {}

  /** Parses the server's float8 output: a decimal number, {@code NaN}, or {@code [-]Infinity}. */
  static double parseDouble(byte[] bytes, int offset, int length) {
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
  static float parseFloat(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw DecodeErrors.badText("float4", text);
    }
  }

  static String render(double value) {
    return render(value, Double.toString(Math.abs(value)), FLOAT8_FIXED_LIMIT, false);
  }

  static String render(float value) {
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
    if (digits.length() == 2) {
      BigDecimal oneDigit = oneDigit(Math.abs(value), single);
      if (oneDigit != null) {
        digits = new StringBuilder(oneDigit.unscaledValue().toString());
        exponent = -oneDigit.scale();
      }
    }
    if (exponent >= -4 && exponent < fixedLimit) {
      return sign + fixed(digits, exponent);
    }
    return sign + scientific(digits, exponent);
  }

  /**
   * The one-digit decimal that reads back as {@code magnitude}, or null if there is none. Where one
   * digit is enough, Java's toString may still give two, the closer (4.9E-324 for
   * Double.MIN_VALUE), while PostgreSQL gives the shortest (5e-324). That happens only for the
   * smallest subnormals, whose neighbours are far apart.
   */
  private static BigDecimal oneDigit(double magnitude, boolean single) {
    if (magnitude >= (single ? Float.MIN_NORMAL : Double.MIN_NORMAL)) {
      return null;
    }
    BigDecimal rounded = new BigDecimal(magnitude).round(ONE_DIGIT);
    String text = rounded.toString();
    double readBack = single ? Float.parseFloat(text) : Double.parseDouble(text);
    return readBack == magnitude ? rounded : null;
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
