package dev.tusk.jdbc;

import java.sql.SQLException;

/** The checks and searches Blob and Clob share: JDBC positions count from 1. */
final class LobPositions {

  private LobPositions() {}

  /** The 0-based offset of {@code position}, which may be at most {@code length + 1}. */
  static int offset(long position, long length) throws SQLException {
    if (position < 1 || position > length + 1) {
      throw new SQLException(
          "position " + position + " is outside 1.." + (length + 1) + " (positions start at 1)",
          "22023");
    }
    return (int) (position - 1);
  }

  /** Checks a count of bytes or characters to read or write. */
  static void count(long count) throws SQLException {
    if (count < 0) {
      throw new SQLException("a length cannot be negative: " + count, "22023");
    }
  }

  /**
   * The 1-based position of {@code pattern} in {@code data[0, length)} from {@code start}, or -1.
   */
  static long find(byte[] data, int length, byte[] pattern, long start) throws SQLException {
    int from = offset(start, length);
    outer:
    for (int i = from; i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i + 1L;
    }
    return -1;
  }

  /** A stream of ASCII bytes written into {@code writer} as characters (the high bit dropped). */
  static java.io.OutputStream asciiInto(java.io.Writer writer) {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        writer.write(b & 0x7f);
      }

      @Override
      public void close() throws java.io.IOException {
        writer.close();
      }
    };
  }

  static SQLException freed(String what) {
    return new SQLException("the " + what + " was freed", "HY010");
  }
}
