package dev.tusk.internal.codec;

import dev.tusk.errors.DataError;
import dev.tusk.types.Codec;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text forms of ranges (range_in) and multiranges (multirange_in): {@code empty} in any
 * case, or a bracket, the lower bound, a comma, the upper bound and a bracket, where a bound left
 * out is unbounded. A bound may be double-quoted, inside which {@code ""} and {@code \"} stand for
 * a quote; outside quotes a backslash escapes the next character. A multirange is ranges in braces,
 * separated by commas.
 */
final class RangeText {

  private final byte[] bytes;
  private final int start;
  private final int end;
  private final String typeName;
  private final Codec<?> element;
  private int position;

  private RangeText(byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    this.bytes = bytes;
    this.start = offset;
    this.position = offset;
    this.end = offset + length;
    this.typeName = typeName;
    this.element = element;
  }

  static PgRange<?> parseRange(
      byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    RangeText text = new RangeText(bytes, offset, length, typeName, element);
    PgRange<?> range = text.range();
    text.expectEnd();
    return range;
  }

  static PgMultirange<?> parseMultirange(
      byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    RangeText text = new RangeText(bytes, offset, length, typeName, element);
    List<PgRange<Object>> ranges = new ArrayList<>();
    text.expect('{');
    if (!text.consume('}')) {
      do {
        @SuppressWarnings("unchecked") // bounds of any type: the element codec decides
        PgRange<Object> range = (PgRange<Object>) text.range();
        ranges.add(range);
      } while (text.consume(','));
      text.expect('}');
    }
    text.expectEnd();
    return new PgMultirange<>(ranges);
  }

  private PgRange<?> range() {
    skipWhitespace();
    if (consumeWord("empty")) {
      return PgRange.empty();
    }
    boolean lowerInclusive = consume('[');
    if (!lowerInclusive) {
      expect('(');
    }
    Object lower = bound();
    expect(',');
    Object upper = bound();
    boolean upperInclusive = consume(']');
    if (!upperInclusive) {
      expect(')');
    }
    return PgRange.of(lower, upper, lowerInclusive, upperInclusive);
  }

  /** A bound, or null if it is left out. */
  private Object bound() {
    if (peek(',') || peek(')') || peek(']')) {
      return null;
    }
    byte[] value = new byte[end - position];
    int size = 0;
    boolean quoted = false;
    while (position < end) {
      byte b = bytes[position];
      if (!quoted && (b == ',' || b == ')' || b == ']')) {
        break;
      }
      position++;
      if (b == '\\') {
        if (position == end) {
          throw error();
        }
        value[size++] = bytes[position++];
      } else if (b == '"' && quoted && position < end && bytes[position] == '"') {
        value[size++] = bytes[position++];
      } else if (b == '"') {
        quoted = !quoted;
      } else {
        value[size++] = b;
      }
    }
    if (quoted) {
      throw error();
    }
    return element.decodeText(value, 0, size);
  }

  private boolean peek(char c) {
    return position < end && bytes[position] == c;
  }

  private boolean consumeWord(String word) {
    int length = word.length();
    if (end - position < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if ((bytes[position + i] | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    position += length;
    return true;
  }

  private boolean consume(char c) {
    skipWhitespace();
    if (peek(c)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error();
    }
  }

  private void expectEnd() {
    skipWhitespace();
    if (position != end) {
      throw error();
    }
  }

  private void skipWhitespace() {
    while (position < end && Character.isWhitespace(bytes[position])) {
      position++;
    }
  }

  private DataError error() {
    return DecodeErrors.badText(typeName, bytes, start, end - start);
  }
}
