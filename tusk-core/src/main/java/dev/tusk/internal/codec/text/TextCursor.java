package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;

/**
 * Reads ASCII tokens from a value in the text format, straight from the row's bytes. Every failure
 * is a DataError quoting the whole value. The scalar parsers use it as it is; the parsers of
 * container types (arrays, ranges, hstore) extend it and read their own structure from the same
 * fields, so that consuming, expecting, whitespace and errors are written once.
 */
public class TextCursor {

  protected final byte[] bytes;
  protected final int start;
  protected final int end;
  protected final String typeName;
  protected int position;

  public TextCursor(byte[] bytes, int offset, int length, String typeName) {
    this.bytes = bytes;
    this.start = offset;
    this.end = offset + length;
    this.typeName = typeName;
    this.position = offset;
  }

  boolean atEnd() {
    return position >= end;
  }

  /** Whether {@code c} is next. */
  boolean peek(char c) {
    return position < end && bytes[position] == c;
  }

  /** Skips whitespace, as the server's parsers do (the C locale's {@code isspace}). */
  void skipWhitespace() {
    while (position < end && isWhitespace(bytes[position])) {
      position++;
    }
  }

  /** The C locale's {@code isspace}, which the server's text parsers use. */
  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  /** Skips {@code c} if it is next. */
  public boolean consume(char c) {
    if (position < end && bytes[position] == c) {
      position++;
      return true;
    }
    return false;
  }

  /** Skips {@code word} if the rest of the value starts with it. */
  public boolean consume(String word) {
    int length = word.length();
    if (end - position < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[position + i] != word.charAt(i)) {
        return false;
      }
    }
    position += length;
    return true;
  }

  /** Skips {@code word}, in any case (ASCII), if the rest of the value starts with it. */
  boolean consumeIgnoringCase(String word) {
    int length = word.length();
    if (end - position < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Character.toLowerCase(bytes[position + i]) != Character.toLowerCase(word.charAt(i))) {
        return false;
      }
    }
    position += length;
    return true;
  }

  void expect(char c) {
    if (!consume(c)) {
      throw error();
    }
  }

  public void expectEnd() {
    if (!atEnd()) {
      throw error();
    }
  }

  /** Reads exactly {@code count} decimal digits. */
  int digits(int count) {
    if (end - position < count) {
      throw error();
    }
    int value = 0;
    for (int i = 0; i < count; i++) {
      value = value * 10 + digit(bytes[position++]);
    }
    return value;
  }

  /** Reads one or more decimal digits as a non-negative number. */
  long number() {
    int first = position;
    long value = 0;
    while (position < end && isDigit(bytes[position])) {
      if (value > (Long.MAX_VALUE - 9) / 10) {
        throw error();
      }
      value = value * 10 + (bytes[position++] - '0');
    }
    if (position == first) {
      throw error();
    }
    return value;
  }

  /**
   * Reads the digits after a decimal point (one to nine) as nanoseconds; the point itself must have
   * been consumed already.
   */
  int nanos() {
    int first = position;
    int value = 0;
    while (position < end && isDigit(bytes[position])) {
      if (position - first == 9) {
        throw error();
      }
      value = value * 10 + (bytes[position++] - '0');
    }
    int count = position - first;
    if (count == 0) {
      throw error();
    }
    for (int i = count; i < 9; i++) {
      value *= 10;
    }
    return value;
  }

  /** A DataError quoting the whole value being parsed. */
  public DataError error() {
    return DecodeErrors.badText(typeName, bytes, start, end - start);
  }

  private int digit(byte b) {
    if (!isDigit(b)) {
      throw error();
    }
    return b - '0';
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
