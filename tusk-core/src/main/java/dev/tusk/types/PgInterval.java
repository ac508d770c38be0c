package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds kept apart, exactly as the server
 * stores them. The three fields do not convert into each other: a month has no fixed number of
 * days, and a day is not always 24 hours across a daylight-saving change, so {@code 1 mon} and
 * {@code 30 days} are different values.
 *
 * <p>PostgreSQL 17's infinite intervals are {@link #INFINITY} and {@link #NEGATIVE_INFINITY}.
 *
 * @param months years and months, as a count of months
 * @param days days
 * @param microseconds the time part, in microseconds
 */
public record PgInterval(int months, int days, long microseconds) {

  /** The interval {@code infinity}: every field at its maximum, as PostgreSQL stores it. */
  public static final PgInterval INFINITY =
      new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

  /** The interval {@code -infinity}: every field at its minimum, as PostgreSQL stores it. */
  public static final PgInterval NEGATIVE_INFINITY =
      new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

  /** The zero-length interval. */
  public static final PgInterval ZERO = new PgInterval(0, 0, 0);

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

  /**
   * An interval of the duration's length, all in the time part (no days, since a day is not always
   * 24 hours). Nanoseconds are rounded to the nearest microsecond.
   *
   * @throws DataError if the duration does not fit in 64-bit microseconds
   */
  public static PgInterval of(Duration duration) {
    try {
      long micros =
          Math.addExact(
              Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
              (duration.getNano() + 500) / 1000);
      return new PgInterval(0, 0, micros);
    } catch (ArithmeticException e) {
      throw new DataError("duration " + duration + " is out of range for interval", e);
    }
  }

  /**
   * An interval of the period's years and months (as months) and days.
   *
   * @throws DataError if the total months do not fit in 32 bits
   */
  public static PgInterval of(Period period) {
    try {
      long months = Math.addExact(Math.multiplyExact(period.getYears(), 12L), period.getMonths());
      return new PgInterval(Math.toIntExact(months), period.getDays(), 0);
    } catch (ArithmeticException e) {
      throw new DataError("period " + period + " is out of range for interval", e);
    }
  }

  /** Whether this is {@link #INFINITY} or {@link #NEGATIVE_INFINITY}. */
  public boolean isInfinite() {
    return equals(INFINITY) || equals(NEGATIVE_INFINITY);
  }

  /**
   * This interval as a duration, counting each day as exactly 24 hours.
   *
   * @throws DataError if the interval has months (their length in days is not fixed) or is infinite
   */
  public Duration toDuration() {
    if (isInfinite()) {
      throw new DataError("interval " + this + " has no Duration; read it as a PgInterval");
    }
    if (months != 0) {
      throw new DataError(
          "interval "
              + this
              + " has months, which have no fixed length, so it cannot be a Duration;"
              + (days == 0 && microseconds == 0
                  ? " read it as a Period or a PgInterval"
                  : " nor a Period, since it also has days or a time part; read it as a PgInterval"));
    }
    return Duration.ofDays(days).plus(microseconds, ChronoUnit.MICROS);
  }

  /**
   * This interval as a period of years, months and days.
   *
   * @throws DataError if the interval has a time part, which a Period cannot hold
   */
  public Period toPeriod() {
    if (isInfinite()) {
      throw new DataError("interval " + this + " has no Period; read it as a PgInterval");
    }
    if (microseconds != 0) {
      throw new DataError(
          "interval "
              + this
              + " has a time part, so it cannot be a Period;"
              + (months == 0
                  ? " read it as a Duration or a PgInterval"
                  : " nor a Duration, since it also has months; read it as a PgInterval"));
    }
    return Period.of(months / 12, months % 12, days);
  }

  /**
   * The ISO 8601 form, as PostgreSQL writes it with {@code IntervalStyle = iso_8601}: each field
   * carries its own sign, e.g. {@code P1Y2M-3DT4H5M6.5S}; zero is {@code PT0S}. The infinite
   * intervals are {@code infinity} and {@code -infinity}.
   */
  @Override
  public String toString() {
    if (equals(INFINITY)) {
      return "infinity";
    }
    if (equals(NEGATIVE_INFINITY)) {
      return "-infinity";
    }
    if (equals(ZERO)) {
      return "PT0S";
    }
    StringBuilder text = new StringBuilder("P");
    appendPart(text, months / 12, 'Y');
    appendPart(text, months % 12, 'M');
    appendPart(text, days, 'D');
    if (microseconds != 0) {
      text.append('T');
      appendPart(text, microseconds / MICROS_PER_HOUR, 'H');
      appendPart(text, microseconds % MICROS_PER_HOUR / MICROS_PER_MINUTE, 'M');
      appendSeconds(text, microseconds % MICROS_PER_MINUTE);
    }
    return text.toString();
  }

  private static void appendPart(StringBuilder text, long value, char unit) {
    if (value != 0) {
      text.append(value).append(unit);
    }
  }

  private static void appendSeconds(StringBuilder text, long micros) {
    if (micros == 0) {
      return;
    }
    if (micros < 0) {
      text.append('-');
    }
    long magnitude = Math.abs(micros);
    text.append(magnitude / MICROS_PER_SECOND);
    long fraction = magnitude % MICROS_PER_SECOND;
    if (fraction != 0) {
      String digits = Long.toString(fraction + MICROS_PER_SECOND).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(digits, 0, end);
    }
    text.append('S');
  }
}
