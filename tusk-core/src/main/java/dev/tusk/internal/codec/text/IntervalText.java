package dev.tusk.internal.codec.text;

import dev.tusk.types.PgInterval;

/**
 * Intervals in the text format the server writes with {@code IntervalStyle = postgres}: {@code 1
 * year 2 mons -3 days +04:05:06.5}, {@code -00:00:01}, {@code 00:00:00}, and {@code [-]infinity}.
 * Years and months make up the month count; the time part may exceed 24 hours.
 */
public final class IntervalText {

  private static final long MICROS_PER_MINUTE = 60 * PgEpoch.MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

  private IntervalText() {}

  public static PgInterval parse(byte[] bytes, int offset, int length) {
    TextCursor text = new TextCursor(bytes, offset, length, "interval");
    if (text.consume("infinity")) {
      text.expectEnd();
      return PgInterval.INFINITY;
    }
    if (text.consume("-infinity")) {
      text.expectEnd();
      return PgInterval.NEGATIVE_INFINITY;
    }
    Fields fields = new Fields();
    try {
      do {
        fields.add(text);
      } while (text.consume(' '));
      text.expectEnd();
      return new PgInterval(
          Math.toIntExact(fields.months), Math.toIntExact(fields.days), fields.micros);
    } catch (ArithmeticException e) {
      throw text.error();
    }
  }

  /** Renders an interval exactly as the server does with {@code IntervalStyle = postgres}. */
  public static String render(PgInterval value) {
    if (value.equals(PgInterval.INFINITY)) {
      return "infinity";
    }
    if (value.equals(PgInterval.NEGATIVE_INFINITY)) {
      return "-infinity";
    }
    StringBuilder text = new StringBuilder(32);
    boolean afterNegative = appendPart(text, value.months() / 12, "year", false);
    afterNegative = appendPart(text, value.months() % 12, "mon", afterNegative);
    afterNegative = appendPart(text, value.days(), "day", afterNegative);
    long time = value.microseconds();
    if (text.isEmpty() || time != 0) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      // The server marks a positive time after a negative field with '+'.
      text.append(time < 0 ? "-" : afterNegative ? "+" : "");
      DateTimeText.appendTwoDigits(text, Math.abs(time / MICROS_PER_HOUR)).append(':');
      DateTimeText.appendTwoDigits(text, Math.abs(time % MICROS_PER_HOUR / MICROS_PER_MINUTE));
      DateTimeText.appendSeconds(text.append(':'), Math.abs(time % MICROS_PER_MINUTE));
    }
    return text.toString();
  }

  /** The sums of the fields read so far; overflow throws ArithmeticException. */
  private static final class Fields {
    private long months;
    private long days;
    private long micros;

    /** Reads one field: {@code [+-]n unit} or a time part {@code [+-]H:MM:SS[.ffffff]}. */
    void add(TextCursor text) {
      boolean negative = text.consume('-');
      if (!negative) {
        text.consume('+');
      }
      long number = text.number();
      if (text.consume(':')) {
        // Signed before summing: -2562047788:00:54.775808, the server's text for Long.MIN_VALUE
        // microseconds, has a magnitude no long holds.
        long hours = Math.multiplyExact(negative ? -number : number, MICROS_PER_HOUR);
        long rest = minutesAndSeconds(text);
        long time = negative ? Math.subtractExact(hours, rest) : Math.addExact(hours, rest);
        micros = Math.addExact(micros, time);
        return;
      }
      text.expect(' ');
      long signed = negative ? -number : number;
      if (text.consume("years") || text.consume("year")) {
        months = Math.addExact(months, Math.multiplyExact(signed, 12));
      } else if (text.consume("mons") || text.consume("mon")) {
        months = Math.addExact(months, signed);
      } else if (text.consume("days") || text.consume("day")) {
        days = Math.addExact(days, signed);
      } else {
        throw text.error();
      }
    }
  }

  /** Reads {@code MM:SS[.ffffff]} after the hours of a time part, as microseconds. */
  private static long minutesAndSeconds(TextCursor text) {
    int minutes = text.digits(2);
    text.expect(':');
    int seconds = text.digits(2);
    int nanos = text.consume('.') ? text.nanos() : 0;
    if (minutes > 59 || seconds > 59) {
      throw text.error();
    }
    return minutes * MICROS_PER_MINUTE + seconds * PgEpoch.MICROS_PER_SECOND + (nanos + 500) / 1000;
  }

  /**
   * Appends one {@code <n> <unit>[s]} field if it is not zero, returning whether the field just
   * written (or, if none, the one before) was negative.
   */
  private static boolean appendPart(
      StringBuilder text, int value, String unit, boolean afterNegative) {
    if (value == 0) {
      return afterNegative;
    }
    if (!text.isEmpty()) {
      text.append(' ');
    }
    if (afterNegative && value > 0) {
      text.append('+');
    }
    text.append(value).append(' ').append(unit);
    if (value != 1) {
      text.append('s');
    }
    return value < 0;
  }
}
