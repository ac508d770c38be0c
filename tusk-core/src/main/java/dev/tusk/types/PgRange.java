package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.function.Function;

/**
 * A PostgreSQL range value ({@code int4range}, {@code tstzrange}, a user-defined range...): empty,
 * or a lower and an upper bound, each inclusive or exclusive, or absent for an unbounded side. An
 * unbounded side is never inclusive, as on the server.
 *
 * <p>The server normalises what it stores: discrete ranges ({@code int4range}, {@code int8range},
 * {@code daterange}) come back as {@code [lower,upper)}, and a range with equal bounds that are not
 * both inclusive comes back empty. This class keeps what it is given.
 *
 * <p>As a parameter, the Java type of the bounds chooses the range type: Integer for {@code
 * int4range}, Long for {@code int8range}, BigDecimal for {@code numrange}, LocalDate for {@code
 * daterange}, LocalDateTime for {@code tsrange}, Instant, OffsetDateTime or ZonedDateTime for
 * {@code tstzrange}. An empty or fully unbounded range, which has no bound to look at, is sent as
 * text for the server to type from the statement.
 *
 * @param <T> the bounds' Java type
 * @param lower the lower bound, or null if unbounded below (or empty)
 * @param upper the upper bound, or null if unbounded above (or empty)
 * @param lowerInclusive whether the lower bound belongs to the range
 * @param upperInclusive whether the upper bound belongs to the range
 * @param isEmpty whether the range is {@code empty}, with no bounds
 */
public record PgRange<T>(
    T lower, T upper, boolean lowerInclusive, boolean upperInclusive, boolean isEmpty) {

  private static final PgRange<?> EMPTY = new PgRange<>(null, null, false, false, true);

  /**
   * Makes an unbounded side exclusive.
   *
   * @throws DataError if an empty range is given bounds
   */
  public PgRange {
    if (isEmpty && (lower != null || upper != null || lowerInclusive || upperInclusive)) {
      throw new DataError("an empty range has no bounds");
    }
    lowerInclusive &= lower != null;
    upperInclusive &= upper != null;
  }

  /** The empty range. */
  @SuppressWarnings("unchecked") // holds no T
  public static <T> PgRange<T> empty() {
    return (PgRange<T>) EMPTY;
  }

  /**
   * A non-empty range; a null bound is unbounded on its side.
   *
   * @param lower the lower bound, or null
   * @param upper the upper bound, or null
   * @param lowerInclusive whether the lower bound belongs to the range
   * @param upperInclusive whether the upper bound belongs to the range
   */
  public static <T> PgRange<T> of(
      T lower, T upper, boolean lowerInclusive, boolean upperInclusive) {
    return new PgRange<>(lower, upper, lowerInclusive, upperInclusive, false);
  }

  /** {@code [lower,upper)}, PostgreSQL's default and canonical form. */
  public static <T> PgRange<T> closedOpen(T lower, T upper) {
    return of(lower, upper, true, false);
  }

  /** {@code [lower,upper]}. */
  public static <T> PgRange<T> closed(T lower, T upper) {
    return of(lower, upper, true, true);
  }

  /** {@code (lower,upper)}. */
  public static <T> PgRange<T> open(T lower, T upper) {
    return of(lower, upper, false, false);
  }

  /** {@code (,)}: every value. */
  public static <T> PgRange<T> unbounded() {
    return of(null, null, false, false);
  }

  /** Whether the range has no lower bound (false for the empty range). */
  public boolean isLowerUnbounded() {
    return !isEmpty && lower == null;
  }

  /** Whether the range has no upper bound (false for the empty range). */
  public boolean isUpperUnbounded() {
    return !isEmpty && upper == null;
  }

  /**
   * The range in PostgreSQL's text form, with each bound rendered by {@code boundText} and quoted
   * where range_in would misread it: {@code [1,5)}, {@code (,"2024-01-01 00:00:00"]}, {@code
   * empty}.
   */
  public String toLiteral(Function<? super T, String> boundText) {
    if (isEmpty) {
      return "empty";
    }
    StringBuilder text = new StringBuilder().append(lowerInclusive ? '[' : '(');
    appendBound(text, lower, boundText);
    text.append(',');
    appendBound(text, upper, boundText);
    return text.append(upperInclusive ? ']' : ')').toString();
  }

  /** {@link #toLiteral} with each bound's {@code toString()}. */
  @Override
  public String toString() {
    return toLiteral(String::valueOf);
  }

  private static <T> void appendBound(
      StringBuilder text, T bound, Function<? super T, String> boundText) {
    if (bound == null) {
      return;
    }
    String value = boundText.apply(bound);
    if (!needsQuotes(value)) {
      text.append(value);
      return;
    }
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append(c);
      }
      text.append(c);
    }
    text.append('"');
  }

  /**
   * range_out quotes an empty bound and any holding a delimiter, a quote or C-locale whitespace.
   */
  private static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ("\"\\()[], \t\n\u000B\f\r".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
