package dev.tusk.internal.codec.text;

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
public final class RangeText extends TextCursor {

  private final Codec<?> element;

  private RangeText(byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    super(bytes, offset, length, typeName);
    this.element = element;
  }

  public static PgRange<?> parseRange(
      byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    RangeText text = new RangeText(bytes, offset, length, typeName, element);
    PgRange<?> range = text.range();
    text.expectEndAfterSpace();
    return range;
  }

  public static PgMultirange<?> parseMultirange(
      byte[] bytes, int offset, int length, String typeName, Codec<?> element) {
    RangeText text = new RangeText(bytes, offset, length, typeName, element);
    List<PgRange<Object>> ranges = new ArrayList<>();
    text.expectToken('{');
    if (!text.consumeToken('}')) {
      do {
        @SuppressWarnings("unchecked") // bounds of any type: the element codec decides
        PgRange<Object> range = (PgRange<Object>) text.range();
        ranges.add(range);
      } while (text.consumeToken(','));
      text.expectToken('}');
    }
    text.expectEndAfterSpace();
    return new PgMultirange<>(ranges);
  }

  private PgRange<?> range() {
    skipWhitespace();
    if (consumeIgnoringCase("empty")) {
      return PgRange.empty();
    }
    boolean lowerInclusive = consumeToken('[');
    if (!lowerInclusive) {
      expectToken('(');
    }
    Object lower = bound();
    expectToken(',');
    Object upper = bound();
    boolean upperInclusive = consumeToken(']');
    if (!upperInclusive) {
      expectToken(')');
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

  /** Skips {@code c} if it comes next after whitespace. */
  private boolean consumeToken(char c) {
    skipWhitespace();
    return consume(c);
  }

  private void expectToken(char c) {
    if (!consumeToken(c)) {
      throw error();
    }
  }

  private void expectEndAfterSpace() {
    skipWhitespace();
    expectEnd();
  }
}
