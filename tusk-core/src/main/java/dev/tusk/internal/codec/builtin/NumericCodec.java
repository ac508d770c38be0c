package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.convert.Conversions;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@code numeric} as a BigDecimal whose scale is the value's display scale ({@code 1.50} keeps its
 * two places), or as a Double for NaN, Infinity and -Infinity, which no BigDecimal can hold: the
 * codec's Java type is {@link Number}, so reading a row never fails on a value the server sent.
 *
 * <p>Binary layout (numeric_send): int16 count of base-10000 digits, int16 weight (the power of
 * 10000 of the first digit), uint16 sign ({@code 0x0000} positive, {@code 0x4000} negative, {@code
 * 0xC000} NaN, {@code 0xD000} Infinity, {@code 0xF000} -Infinity), int16 display scale, then the
 * digits as int16, most significant first, without trailing zero digits.
 *
 * <p>Reading NaN or an infinity as a BigDecimal (or an integer type) is a DataError that says to
 * read it as Double (see {@link Conversions}). Encoding takes any Number: integers and BigDecimal
 * exactly, a finite Double or Float by its shortest decimal, NaN and the infinities as themselves.
 */
public final class NumericCodec extends BaseCodec<Number> {

  public static final NumericCodec INSTANCE = new NumericCodec();

  private static final int POSITIVE = 0x0000;
  private static final int NEGATIVE = 0x4000;
  private static final int NAN = 0xC000;
  private static final int INFINITY = 0xD000;
  private static final int NEGATIVE_INFINITY = 0xF000;

  /** The largest display scale the format can carry (NUMERIC_DSCALE_MASK). */
  private static final int MAX_DISPLAY_SCALE = 0x3FFF;

  /** 10^0 to 10^18: every power of ten a long holds. */
  private static final long[] POWERS_OF_TEN = {
    1L,
    10L,
    100L,
    1_000L,
    10_000L,
    100_000L,
    1_000_000L,
    10_000_000L,
    100_000_000L,
    1_000_000_000L,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L,
    10_000_000_000_000L,
    100_000_000_000_000L,
    1_000_000_000_000_000L,
    10_000_000_000_000_000L,
    100_000_000_000_000_000L,
    1_000_000_000_000_000_000L
  };

  /** Values of up to this many digits, padded by up to 3 zeros, fit a long: the fast path. */
  private static final int COMPACT_PRECISION = 15;

  private NumericCodec() {
    super(Oids.NUMERIC, "numeric", Number.class);
  }

  /** A BigDecimal, or a Double for NaN, Infinity and -Infinity. */
  @Override
  public Number decodeText(byte[] bytes, int offset, int length) {
    return parseText(bytes, offset, length);
  }

  /** A BigDecimal, or a Double for NaN, Infinity and -Infinity. */
  @Override
  public Number decodeBinary(byte[] bytes, int offset, int length) {
    return readBinary(bytes, offset, length);
  }

  @Override
  public void encodeBinary(Number number, BinaryOutput out) {
    if (isSpecial(number)) {
      int sign =
          Double.isNaN(number.doubleValue())
              ? NAN
              : number.doubleValue() > 0 ? INFINITY : NEGATIVE_INFINITY;
      out.writeInt16(0).writeInt16(0).writeInt16(sign).writeInt16(0);
      return;
    }
    BigDecimal value = decimal(number);
    int displayScale = Math.max(value.scale(), 0);
    if (displayScale > MAX_DISPLAY_SCALE) {
      throw new DataError(
          "numeric scale "
              + value.scale()
              + " exceeds PostgreSQL's maximum of "
              + MAX_DISPLAY_SCALE
              + " digits after the decimal point");
    }
    if (value.signum() == 0) {
      out.writeInt16(0).writeInt16(0).writeInt16(POSITIVE).writeInt16(displayScale);
      return;
    }
    if (value.scale() >= 0 && value.precision() <= COMPACT_PRECISION) {
      writeCompact(value, out);
      return;
    }
    String decimal = value.unscaledValue().abs().toString();
    // The decimal power of each digit; digit groups are aligned on powers of 10000.
    long firstPower = (long) decimal.length() - value.scale() - 1;
    long weight = Math.floorDiv(firstPower, 4);
    long lastGroup = Math.floorDiv(firstPower - decimal.length() + 1, 4);
    if (weight > Short.MAX_VALUE || lastGroup < Short.MIN_VALUE) {
      throw new DataError("value " + value + " is out of range for type numeric");
    }
    int[] groups = new int[(int) (weight - lastGroup + 1)];
    for (int i = 0; i < decimal.length(); i++) {
      long power = firstPower - i;
      groups[(int) (weight - Math.floorDiv(power, 4))] +=
          (int) ((decimal.charAt(i) - '0') * POWERS_OF_TEN[Math.floorMod(power, 4)]);
    }
    int count = groups.length;
    while (groups[count - 1] == 0) {
      count--;
    }
    out.writeInt16(count).writeInt16((int) weight);
    out.writeInt16(value.signum() < 0 ? NEGATIVE : POSITIVE).writeInt16(displayScale);
    for (int i = 0; i < count; i++) {
      out.writeInt16(groups[i]);
    }
  }

  /**
   * A value of up to 15 digits with a scale of 0 or more, the common case (amounts, measures),
   * written from a long without building its decimal text: the unscaled value, padded with zeros to
   * whole base-10000 digits after the point, is split by division.
   */
  private static void writeCompact(BigDecimal value, BinaryOutput out) {
    int scale = value.scale();
    int padding = (4 - scale % 4) % 4;
    long digits = Math.abs(value.unscaledValue().longValue()) * POWERS_OF_TEN[padding];
    int fractionGroups = (scale + padding) / 4;
    int groups = 0;
    for (long rest = digits; rest != 0; rest /= 10_000) {
      groups++;
    }
    int trailingZeroGroups = 0;
    for (long rest = digits; rest % 10_000 == 0; rest /= 10_000) {
      trailingZeroGroups++;
    }
    out.writeInt16(groups - trailingZeroGroups).writeInt16(groups - fractionGroups - 1);
    out.writeInt16(value.signum() < 0 ? NEGATIVE : POSITIVE).writeInt16(scale);
    for (int i = groups - 1; i >= trailingZeroGroups; i--) {
      out.writeInt16((int) (digits / POWERS_OF_TEN[4 * i] % 10_000));
    }
  }

  /** The server's text: plain digits, or {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  @Override
  public String encodeText(Number value) {
    if (isSpecial(value)) {
      double special = value.doubleValue();
      return Double.isNaN(special) ? "NaN" : special > 0 ? "Infinity" : "-Infinity";
    }
    return decimal(value).toPlainString();
  }

  private static boolean isSpecial(Number value) {
    return (value instanceof Double || value instanceof Float)
        && !Double.isFinite(value.doubleValue());
  }

  /** A finite Number as the BigDecimal it means exactly (floats by their shortest decimal). */
  private static BigDecimal decimal(Number value) {
    return switch (value) {
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Double number -> BigDecimal.valueOf(number);
      case Float number -> new BigDecimal(Float.toString(number));
      case Long number -> BigDecimal.valueOf(number);
      case Integer number -> BigDecimal.valueOf(number);
      case Short number -> BigDecimal.valueOf(number);
      case Byte number -> BigDecimal.valueOf(number);
      default ->
          throw new ProgrammingError(
              "cannot send a "
                  + value.getClass().getName()
                  + " as numeric; convert it to BigDecimal");
    };
  }

  private static Number parseText(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw DecodeErrors.badText("numeric", text);
        }
      }
    };
  }

  private static Number readBinary(byte[] bytes, int offset, int length) {
    if (length < 8) {
      throw DecodeErrors.badBinary("numeric", "only " + length + " bytes");
    }
    int count = BigEndian.uint16(bytes, offset);
    int weight = BigEndian.int16(bytes, offset + 2);
    int sign = BigEndian.uint16(bytes, offset + 4);
    int displayScale = BigEndian.uint16(bytes, offset + 6);
    if (length != 8 + 2 * count) {
      throw DecodeErrors.badBinary("numeric", length + " bytes for " + count + " digits");
    }
    return switch (sign) {
      case POSITIVE, NEGATIVE ->
          finite(bytes, offset + 8, count, weight, sign == NEGATIVE, displayScale);
      case NAN -> Double.NaN;
      case INFINITY -> Double.POSITIVE_INFINITY;
      case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
      default -> throw DecodeErrors.badBinary("numeric", "sign 0x" + Integer.toHexString(sign));
    };
  }

  private static BigDecimal finite(
      byte[] bytes, int offset, int count, int weight, boolean negative, int displayScale) {
    if (count == 0) {
      return BigDecimal.valueOf(0, displayScale);
    }
    int scale = 4 * (count - 1 - weight);
    BigDecimal value;
    // Up to four base-10000 digits fit a long; longer values go through their decimal digits.
    if (count <= 4) {
      long unscaled = 0;
      for (int i = 0; i < count; i++) {
        unscaled = unscaled * 10000 + digit(bytes, offset + 2 * i);
      }
      long signed = negative ? -unscaled : unscaled;
      BigDecimal exact = atScale(signed, scale, displayScale);
      if (exact != null) {
        return exact;
      }
      value = BigDecimal.valueOf(signed, scale);
    } else {
      char[] decimal = new char[4 * count];
      for (int i = 0; i < count; i++) {
        int digit = digit(bytes, offset + 2 * i);
        for (int j = 3; j >= 0; j--, digit /= 10) {
          decimal[4 * i + j] = (char) ('0' + digit % 10);
        }
      }
      BigInteger unscaled = new BigInteger(new String(decimal));
      value = new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }
    try {
      return value.setScale(displayScale);
    } catch (ArithmeticException e) {
      throw DecodeErrors.badBinary("numeric", "digits beyond display scale " + displayScale);
    }
  }

  /**
   * {@code unscaled} × 10^-{@code scale} as one BigDecimal of scale {@code displayScale}, computed
   * in a long (the common case, and one object instead of two); null when the long would overflow,
   * so the caller takes the general path. Fails when digits lie beyond the display scale.
   */
  private static BigDecimal atScale(long unscaled, int scale, int displayScale) {
    int shift = displayScale - scale;
    if (shift >= 0) {
      if (shift >= POWERS_OF_TEN.length) {
        return null;
      }
      long high = Math.multiplyHigh(unscaled, POWERS_OF_TEN[shift]);
      long scaled = unscaled * POWERS_OF_TEN[shift];
      // No overflow when the high half is only the low half's sign.
      return high == (scaled >> 63) ? BigDecimal.valueOf(scaled, displayScale) : null;
    }
    if (-shift >= POWERS_OF_TEN.length) {
      return null;
    }
    long divisor = POWERS_OF_TEN[-shift];
    if (unscaled % divisor != 0) {
      throw DecodeErrors.badBinary("numeric", "digits beyond display scale " + displayScale);
    }
    return BigDecimal.valueOf(unscaled / divisor, displayScale);
  }

  private static int digit(byte[] bytes, int offset) {
    int digit = BigEndian.int16(bytes, offset);
    if (digit < 0 || digit > 9999) {
      throw DecodeErrors.badBinary("numeric", "base-10000 digit " + digit);
    }
    return digit;
  }
}
