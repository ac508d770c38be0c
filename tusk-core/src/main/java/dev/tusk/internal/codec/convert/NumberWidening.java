package dev.tusk.internal.codec.convert;

import dev.tusk.errors.DataError;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact conversions of a Java number to the number class a codec takes, for a value sent as a named
 * type (an Integer as int8, a Long as numeric, a Float as float8). Only conversions that keep the
 * value are made: a number outside the target's range is a DataError, and a fraction never becomes
 * an integer.
 */
final class NumberWidening {

  /** Integers up to 2^53 are exact in a double, up to 2^24 in a float. */
  private static final long DOUBLE_EXACT = 1L << 53;

  private static final long FLOAT_EXACT = 1L << 24;

  private NumberWidening() {}

  /**
   * {@code value} as an instance of {@code target}, or null when no exact conversion between those
   * classes exists.
   *
   * @throws DataError if the classes convert but this value does not fit
   */
  static Object widen(Object value, Class<?> target) {
    if (!(value instanceof Number number)) {
      return null;
    }
    boolean integral =
        number instanceof Long
            || number instanceof Integer
            || number instanceof Short
            || number instanceof Byte;
    if (target == BigDecimal.class) {
      return toBigDecimal(number, integral);
    }
    if (number instanceof BigInteger big && isIntegerClass(target)) {
      if (big.bitLength() > 63) {
        throw outOfRange(value, target);
      }
      return integer(big.longValue(), target);
    }
    if (integral) {
      return fromLong(number.longValue(), target);
    }
    if (number instanceof Float single && target == Double.class) {
      return single.doubleValue();
    }
    return null;
  }

  private static Object fromLong(long value, Class<?> target) {
    if (isIntegerClass(target)) {
      return integer(value, target);
    }
    if (target == Double.class && Math.abs(value) <= DOUBLE_EXACT) {
      return (double) value;
    }
    if (target == Float.class && Math.abs(value) <= FLOAT_EXACT) {
      return (float) value;
    }
    if (target == Double.class || target == Float.class) {
      throw new DataError(
          "the integer "
              + value
              + " has no exact "
              + target.getSimpleName()
              + "; send it as numeric or int8");
    }
    return null;
  }

  private static Object toBigDecimal(Number number, boolean integral) {
    if (integral) {
      return BigDecimal.valueOf(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if ((number instanceof Double || number instanceof Float)
        && Double.isFinite(number.doubleValue())) {
      // The shortest decimal that reads back as the same double, as the server prints float8.
      return number instanceof Float single
          ? new BigDecimal(Float.toString(single))
          : BigDecimal.valueOf(number.doubleValue());
    }
    return null;
  }

  private static boolean isIntegerClass(Class<?> target) {
    return target == Long.class || target == Integer.class || target == Short.class;
  }

  private static Object integer(long value, Class<?> target) {
    if (target == Long.class) {
      return value;
    }
    if (target == Integer.class && value == (int) value) {
      return (int) value;
    }
    if (target == Short.class && value == (short) value) {
      return (short) value;
    }
    throw outOfRange(value, target);
  }

  private static DataError outOfRange(Object value, Class<?> target) {
    return new DataError("the value " + value + " is out of range for a " + target.getSimpleName());
  }
}
