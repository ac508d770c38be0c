package dev.tusk.types;

import dev.tusk.errors.DataError;

/**
 * A PostgreSQL {@code pg_lsn}: a position in the write-ahead log, an unsigned 64-bit number.
 *
 * @param value the position's 64 bits; positions past 2^63 are negative as a Java long
 */
public record PgLsn(long value) implements Comparable<PgLsn> {

  /**
   * Parses the form PostgreSQL writes: two hex numbers of up to 8 digits, split by a slash, the
   * high 32 bits first, e.g. {@code 16/B374D848}.
   *
   * @throws DataError if the text is not in that form
   */
  public static PgLsn parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash > 9) {
      throw new DataError("invalid pg_lsn '" + text + "'");
    }
    return new PgLsn(hex(text, 0, slash) << 32 | hex(text, slash + 1, text.length()));
  }

  /** Hex digits only: Long.parseLong would accept a sign. */
  private static long hex(String text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        throw new DataError("invalid pg_lsn '" + text + "'");
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /** Orders positions as unsigned numbers, as the server does. */
  @Override
  public int compareTo(PgLsn other) {
    return Long.compareUnsigned(value, other.value);
  }

  /** The form PostgreSQL writes, e.g. {@code 16/B374D848}: uppercase hex, no leading zeros. */
  @Override
  public String toString() {
    return Long.toHexString(value >>> 32).toUpperCase()
        + "/"
        + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase();
  }
}
