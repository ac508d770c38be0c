package dev.tusk.internal.codec.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates and times in the text format the server writes with {@code DateStyle = ISO}: {@code
 * 2024-01-02}, {@code 03:04:05.123456}, {@code 2024-01-02 03:04:05+05:30}, offsets with seconds
 * ({@code +00:53:28}), years past 9999, {@code BC} after everything else, and {@code [-]infinity}.
 * Parsing yields PostgreSQL's own representation (see {@link PgEpoch}), so that text and binary
 * decode through the same conversion.
 */
public final class DateTimeText {

  private static final long MICROS_PER_MINUTE = 60 * PgEpoch.MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

  /** For {@link #render}: a timestamp without time zone. */
  private static final int NO_OFFSET = Integer.MIN_VALUE;

  private DateTimeText() {}

  /** Parses a {@code date} into days since 2000-01-01, or an infinity sentinel. */
  public static int parseDate(byte[] bytes, int offset, int length) {
    TextCursor text = new TextCursor(bytes, offset, length, "date");
    if (text.consume("infinity")) {
      text.expectEnd();
      return Integer.MAX_VALUE;
    }
    if (text.consume("-infinity")) {
      text.expectEnd();
      return Integer.MIN_VALUE;
    }
    YearMonthDay date = parseYearMonthDay(text);
    long days = toDays(text, date);
    text.expectEnd();
    if (days != (int) days) {
      throw text.error();
    }
    return (int) days;
  }

  /**
   * Parses a {@code timestamp}, or with {@code withZone} a {@code timestamptz} (whose offset is
   * then required), into microseconds since 2000-01-01 (UTC), or an infinity sentinel.
   */
  public static long parseTimestamp(
      byte[] bytes, int offset, int length, String typeName, boolean withZone) {
    TextCursor text = new TextCursor(bytes, offset, length, typeName);
    if (text.consume("infinity")) {
      text.expectEnd();
      return Long.MAX_VALUE;
    }
    if (text.consume("-infinity")) {
      text.expectEnd();
      return Long.MIN_VALUE;
    }
    YearMonthDay date = parseYearMonthDay(text);
    text.expect(' ');
    long timeOfDay = parseTime(text);
    int offsetSeconds = withZone ? parseOffset(text) : 0;
    long days = toDays(text, date);
    text.expectEnd();
    try {
      long midnight = Math.multiplyExact(days, PgEpoch.MICROS_PER_DAY);
      return Math.addExact(midnight, timeOfDay - offsetSeconds * PgEpoch.MICROS_PER_SECOND);
    } catch (ArithmeticException e) {
      throw text.error();
    }
  }

  /** Parses {@code HH:MM:SS[.ffffff]} into microseconds since midnight (at most 24:00:00). */
  public static long parseTime(TextCursor text) {
    int hours = text.digits(2);
    text.expect(':');
    int minutes = text.digits(2);
    text.expect(':');
    int seconds = text.digits(2);
    int nanos = text.consume('.') ? text.nanos() : 0;
    long micros =
        hours * MICROS_PER_HOUR
            + minutes * MICROS_PER_MINUTE
            + seconds * PgEpoch.MICROS_PER_SECOND
            + (nanos + 500) / 1000;
    if (minutes > 59 || seconds > 59 || micros > PgEpoch.MICROS_PER_DAY) {
      throw text.error();
    }
    return micros;
  }

  /** Parses a UTC offset {@code +HH[:MM[:SS]]} into seconds east of Greenwich. */
  public static int parseOffset(TextCursor text) {
    boolean west = text.consume('-');
    if (!west) {
      text.expect('+');
    }
    int seconds = text.digits(2) * 3600;
    if (text.consume(':')) {
      seconds += text.digits(2) * 60;
      if (text.consume(':')) {
        seconds += text.digits(2);
      }
    }
    return west ? -seconds : seconds;
  }

  /** Renders days since 2000-01-01 as the server does. */
  public static String date(int days) {
    return switch (days) {
      case Integer.MAX_VALUE -> "infinity";
      case Integer.MIN_VALUE -> "-infinity";
      default -> {
        StringBuilder text = new StringBuilder(13);
        boolean bc = appendDate(text, days);
        yield bc ? text.append(" BC").toString() : text.toString();
      }
    };
  }

  /**
   * Renders microseconds since 2000-01-01 as the server does, with {@code +00} after the time when
   * {@code utc} (a timestamptz shown in UTC).
   */
  public static String timestamp(long micros, boolean utc) {
    return render(micros, utc ? 0 : NO_OFFSET);
  }

  /**
   * A timestamptz as the server writes it in a session whose TimeZone is {@code zone}: the local
   * time there and its offset at that instant, {@code 2024-01-01 05:45:00+05:45}.
   */
  public static String timestamptz(long micros, ZoneId zone) {
    if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
      return timestamp(micros, true);
    }
    Instant instant = PgEpoch.toOffsetDateTime(micros).toInstant();
    return render(micros, zone.getRules().getOffset(instant).getTotalSeconds());
  }

  /** The text of a timestamp, or of a timestamptz shown at {@code secondsEast} east of UTC. */
  private static String render(long micros, int secondsEast) {
    if (micros == Long.MAX_VALUE) {
      return "infinity";
    }
    if (micros == Long.MIN_VALUE) {
      return "-infinity";
    }
    boolean zoned = secondsEast != NO_OFFSET;
    long local = zoned ? micros + secondsEast * PgEpoch.MICROS_PER_SECOND : micros;
    StringBuilder text = new StringBuilder(32);
    boolean bc = appendDate(text, Math.floorDiv(local, PgEpoch.MICROS_PER_DAY));
    appendTime(text.append(' '), Math.floorMod(local, PgEpoch.MICROS_PER_DAY));
    if (zoned) {
      appendOffset(text, secondsEast);
    }
    return bc ? text.append(" BC").toString() : text.toString();
  }

  /** Appends {@code HH:MM:SS}, then the fraction without trailing zeros if there is one. */
  public static void appendTime(StringBuilder text, long micros) {
    appendTwoDigits(text, micros / MICROS_PER_HOUR).append(':');
    appendTwoDigits(text, micros / MICROS_PER_MINUTE % 60).append(':');
    appendSeconds(text, micros % MICROS_PER_MINUTE);
  }

  /** Appends {@code SS} and a fraction without trailing zeros, from microseconds below a minute. */
  static void appendSeconds(StringBuilder text, long micros) {
    appendTwoDigits(text, micros / PgEpoch.MICROS_PER_SECOND);
    long fraction = micros % PgEpoch.MICROS_PER_SECOND;
    if (fraction != 0) {
      int digits = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      String shown = Long.toString(fraction);
      text.append('.').append("0".repeat(digits - shown.length())).append(shown);
    }
  }

  /** Appends a UTC offset as the server does: {@code +05}, {@code -03:30}, {@code +00:53:28}. */
  public static void appendOffset(StringBuilder text, int secondsEast) {
    int magnitude = Math.abs(secondsEast);
    text.append(secondsEast < 0 ? '-' : '+');
    appendTwoDigits(text, magnitude / 3600);
    if (magnitude % 3600 != 0) {
      appendTwoDigits(text.append(':'), magnitude / 60 % 60);
      if (magnitude % 60 != 0) {
        appendTwoDigits(text.append(':'), magnitude % 60);
      }
    }
  }

  /** Appends {@code YYYY-MM-DD} with the year counted from 1 BC; returns whether it is BC. */
  private static boolean appendDate(StringBuilder text, long days) {
    LocalDate date = PgEpoch.toLocalDate((int) days);
    int year = date.getYear();
    boolean bc = year <= 0;
    String shownYear = Integer.toString(bc ? 1 - year : year);
    text.append("0".repeat(Math.max(0, 4 - shownYear.length()))).append(shownYear).append('-');
    appendTwoDigits(text, date.getMonthValue()).append('-');
    appendTwoDigits(text, date.getDayOfMonth());
    return bc;
  }

  /** Appends a non-negative number with at least two digits. */
  static StringBuilder appendTwoDigits(StringBuilder text, long value) {
    return (value < 10 ? text.append('0') : text).append(value);
  }

  /** A calendar date as written, the year not yet resolved for a {@code BC} suffix. */
  private record YearMonthDay(long year, int month, int day) {}

  private static YearMonthDay parseYearMonthDay(TextCursor text) {
    long year = text.number();
    text.expect('-');
    int month = text.digits(2);
    text.expect('-');
    return new YearMonthDay(year, month, text.digits(2));
  }

  /**
   * Reads the optional {@code BC} suffix, which follows everything else, and resolves the date into
   * days since 2000-01-01 (year n BC is ISO year 1 - n).
   */
  private static long toDays(TextCursor text, YearMonthDay date) {
    boolean bc = text.consume(" BC");
    if (date.year() == 0 || date.year() > 999_999_999) {
      throw text.error();
    }
    int year = (int) (bc ? 1 - date.year() : date.year());
    try {
      return PgEpoch.days(year, date.month(), date.day());
    } catch (DateTimeException e) {
      throw text.error();
    }
  }
}
