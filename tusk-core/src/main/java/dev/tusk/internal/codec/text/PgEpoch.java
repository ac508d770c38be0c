package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * PostgreSQL's own time representations and their Java equivalents. Dates are days and timestamps
 * are microseconds since 2000-01-01 (UTC for timestamptz), both in the proleptic Gregorian calendar
 * that java.time also uses; a time of day is microseconds since midnight.
 *
 * <p>Infinity: the sentinels {@code infinity} and {@code -infinity} (Integer.MAX/MIN_VALUE days,
 * Long.MAX/MIN_VALUE microseconds) map to {@link LocalDate#MAX}/{@link LocalDate#MIN}, {@link
 * LocalDateTime#MAX}/{@link LocalDateTime#MIN}, {@link OffsetDateTime#MAX}/{@link
 * OffsetDateTime#MIN}, {@link Instant#MAX}/{@link Instant#MIN}, and {@code ZonedDateTime.of(
 * LocalDateTime.MAX or MIN, UTC)}; exactly those Java values map back to infinity. Any other value
 * outside PostgreSQL's range (4713 BC to 5874897 AD for dates, to 294276 AD for timestamps) is a
 * DataError, so that no ordinary value can turn into a sentinel.
 *
 * <p>Java values carry nanoseconds; they are rounded to the nearest microsecond, as the server
 * rounds fractional seconds in text input.
 */
public final class PgEpoch {

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  public static final ZonedDateTime ZONED_MAX = ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC);
  public static final ZonedDateTime ZONED_MIN = ZonedDateTime.of(LocalDateTime.MIN, ZoneOffset.UTC);

  /** 2000-01-01 as a Java epoch day and epoch second. */
  private static final long EPOCH_DAY = 10_957L;

  private static final long EPOCH_SECOND = EPOCH_DAY * 86_400L;

  /** 4714-11-24 BC (Julian day 0) and 5874898-01-01, the first date out of range. */
  private static final long MIN_DAYS = -2_451_545L;

  private static final long END_DAYS = 2_145_031_949L;

  /** 4714-11-24 BC 00:00 and 294277-01-01 00:00, the first timestamp out of range. */
  private static final long MIN_MICROS = -211_813_488_000_000_000L;

  private static final long END_MICROS = 9_223_371_331_200_000_000L;

  /** A Java epoch day and its date. */
  private record Day(long epochDay, LocalDate date) {}

  /**
   * The date decoded last. The dates and timestamps of a result mostly fall on few days (the rows
   * of a log, of a day's orders), and a date is immutable: one is shared rather than computed and
   * made again for every value. Read and written without a lock by any thread; a record's final
   * fields make a stale read merely a miss.
   */
  private static Day lastDay = new Day(EPOCH_DAY, LocalDate.ofEpochDay(EPOCH_DAY));

  private PgEpoch() {}

  public static LocalDate toLocalDate(int days) {
    return switch (days) {
      case Integer.MAX_VALUE -> LocalDate.MAX;
      case Integer.MIN_VALUE -> LocalDate.MIN;
      default -> date(EPOCH_DAY + days);
    };
  }

  private static LocalDate date(long epochDay) {
    Day day = lastDay;
    if (day.epochDay() != epochDay) {
      day = new Day(epochDay, LocalDate.ofEpochDay(epochDay));
      lastDay = day;
    }
    return day.date();
  }

  /** A date's days since 2000-01-01, or an infinity sentinel. */
  public static int days(LocalDate date) {
    if (date.equals(LocalDate.MAX)) {
      return Integer.MAX_VALUE;
    }
    if (date.equals(LocalDate.MIN)) {
      return Integer.MIN_VALUE;
    }
    long days = date.toEpochDay() - EPOCH_DAY;
    if (days < MIN_DAYS || days >= END_DAYS) {
      throw outOfRange("date", date);
    }
    return (int) days;
  }

  /**
   * Days since 2000-01-01 of a calendar date.
   *
   * @throws java.time.DateTimeException if there is no such date
   */
  public static long days(int year, int month, int day) {
    return LocalDate.of(year, month, day).toEpochDay() - EPOCH_DAY;
  }

  public static LocalDateTime toLocalDateTime(long micros) {
    if (micros == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long microOfDay = micros - days * MICROS_PER_DAY;
    return LocalDateTime.of(date(EPOCH_DAY + days), LocalTime.ofNanoOfDay(microOfDay * 1000));
  }

  public static OffsetDateTime toOffsetDateTime(long micros) {
    if (micros == Long.MAX_VALUE) {
      return OffsetDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return OffsetDateTime.MIN;
    }
    return OffsetDateTime.of(toLocalDateTime(micros), ZoneOffset.UTC);
  }

  public static long micros(LocalDateTime value) {
    if (value.equals(LocalDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (value.equals(LocalDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    return checkedMicros(value.toEpochSecond(ZoneOffset.UTC), value.getNano(), value);
  }

  public static long micros(OffsetDateTime value) {
    if (value.equals(OffsetDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (value.equals(OffsetDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    return checkedMicros(value.toEpochSecond(), value.getNano(), value);
  }

  public static long micros(Instant value) {
    if (value.equals(Instant.MAX)) {
      return Long.MAX_VALUE;
    }
    if (value.equals(Instant.MIN)) {
      return Long.MIN_VALUE;
    }
    return checkedMicros(value.getEpochSecond(), value.getNano(), value);
  }

  public static long micros(ZonedDateTime value) {
    if (value.equals(ZONED_MAX)) {
      return Long.MAX_VALUE;
    }
    if (value.equals(ZONED_MIN)) {
      return Long.MIN_VALUE;
    }
    return checkedMicros(value.toEpochSecond(), value.getNano(), value);
  }

  /** A time of day; 24:00:00, which PostgreSQL allows, becomes {@link LocalTime#MAX}. */
  public static LocalTime toLocalTime(long micros, String typeName) {
    if (micros == MICROS_PER_DAY) {
      return LocalTime.MAX;
    }
    if (micros < 0 || micros > MICROS_PER_DAY) {
      throw DecodeErrors.badBinary(typeName, "time of day " + micros + " microseconds");
    }
    return LocalTime.ofNanoOfDay(micros * 1000);
  }

  /** Microseconds since midnight; {@link LocalTime#MAX} rounds up to 24:00:00. */
  public static long micros(LocalTime value) {
    return (value.toNanoOfDay() + 500) / 1000;
  }

  private static long checkedMicros(long epochSecond, int nano, Object value) {
    try {
      long micros =
          Math.addExact(
              Math.multiplyExact(epochSecond - EPOCH_SECOND, MICROS_PER_SECOND),
              (nano + 500) / 1000);
      if (micros >= MIN_MICROS && micros < END_MICROS) {
        return micros;
      }
    } catch (ArithmeticException e) {
      // out of range as well
    }
    throw outOfRange("timestamp", value);
  }

  private static DataError outOfRange(String kind, Object value) {
    return new DataError(
        value
            + " is out of range for a PostgreSQL "
            + kind
            + " (4713 BC to "
            + (kind.equals("date") ? "5874897" : "294276")
            + " AD); use the MAX or MIN constant for infinity");
  }
}
