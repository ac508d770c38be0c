package dev.tusk.internal.codec.text;

import dev.tusk.types.PgArray;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The text array format (array_in, array_out): {@code {1,2,NULL}}, elements in double quotes when
 * they hold special characters, with {@code \} escaping {@code "} and {@code \}; {@code {}} is
 * empty; nested braces are further dimensions; an optional {@code [0:2]=} prefix gives lower
 * bounds, kept in a {@link PgArray} when one is not 1. The delimiter is a comma for every built-in
 * type but box, whose delimiter is a semicolon.
 *
 * <p>Elements are decoded from the row's bytes in place when they need no unescaping. Parsing gives
 * an unmodifiable List that may contain nulls, nested per dimension.
 */
public final class ArrayText extends TextCursor {

  private final ElementDecoder element;
  private final byte delimiter;

  /** Unescaped element bytes; element decoders copy what they keep, so it is reused. */
  private byte[] scratch;

  private ArrayText(
      byte[] bytes,
      int offset,
      int length,
      String typeName,
      char delimiter,
      ElementDecoder element) {
    super(bytes, offset, length, typeName);
    this.delimiter = (byte) delimiter;
    this.element = element;
  }

  public static List<Object> parse(
      byte[] bytes, int offset, int length, String typeName, ElementDecoder element) {
    return parse(bytes, offset, length, typeName, ',', element);
  }

  /** Parses an array whose elements are separated by {@code delimiter}. */
  public static List<Object> parse(
      byte[] bytes,
      int offset,
      int length,
      String typeName,
      char delimiter,
      ElementDecoder element) {
    ArrayText parser = new ArrayText(bytes, offset, length, typeName, delimiter, element);
    int[] lowerBounds = parser.parseBounds();
    List<Object> list = parser.parseList();
    parser.skipWhitespace();
    if (parser.position != parser.end) {
      throw parser.error();
    }
    return ArrayBounds.withLowerBounds(list, lowerBounds, typeName);
  }

  /**
   * Renders nested lists in array_out's form; {@code renderElement} gives each non-NULL element's
   * text.
   */
  public static String render(List<?> list, Function<Object, String> renderElement) {
    return render(list, ',', renderElement);
  }

  /** Renders nested lists with elements separated by {@code delimiter}. */
  public static String render(
      List<?> list, char delimiter, Function<Object, String> renderElement) {
    StringBuilder text = new StringBuilder(2 + 8 * list.size());
    if (list instanceof PgArray array) {
      ArrayBounds.appendDecoration(text, array);
    }
    appendList(text, list, delimiter, renderElement);
    return text.toString();
  }

  /** Appends an element, quoted and escaped where array_in would misread it otherwise. */
  private static void appendElement(StringBuilder text, String element, char delimiter) {
    if (!needsQuotes(element, delimiter)) {
      text.append(element);
      return;
    }
    text.append('"');
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\');
      }
      text.append(c);
    }
    text.append('"');
  }

  private static void appendList(
      StringBuilder text, List<?> list, char delimiter, Function<Object, String> renderElement) {
    text.append('{');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        text.append(delimiter);
      }
      Object item = list.get(i);
      if (item == null) {
        text.append("NULL");
      } else if (item instanceof List<?> nested) {
        appendList(text, nested, delimiter, renderElement);
      } else {
        appendElement(text, renderElement.apply(item), delimiter);
      }
    }
    text.append('}');
  }

  private static boolean needsQuotes(String element, char delimiter) {
    if (element.isEmpty() || element.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delimiter || isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  /** The lower bounds of a {@code [lower:upper]...=} prefix, or null without one. */
  private int[] parseBounds() {
    if (position >= end || bytes[position] != '[') {
      return null;
    }
    int[] bounds = new int[0];
    while (consume('[')) {
      int lower = parseInt();
      expect(':');
      parseInt(); // the upper bound follows from the elements, which are checked against it
      expect(']');
      bounds = Arrays.copyOf(bounds, bounds.length + 1);
      bounds[bounds.length - 1] = lower;
    }
    expect('=');
    return bounds;
  }

  private int parseInt() {
    int first = position;
    if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
      position++;
    }
    while (position < end && bytes[position] >= '0' && bytes[position] <= '9') {
      position++;
    }
    try {
      return Integer.parseInt(
          new String(bytes, first, position - first, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw error();
    }
  }

  private List<Object> parseList() {
    skipWhitespace();
    expect('{');
    skipWhitespace();
    List<Object> items = new ArrayList<>();
    if (consume('}')) {
      return Collections.unmodifiableList(items);
    }
    boolean nested = position < end && bytes[position] == '{';
    do {
      skipWhitespace();
      if (nested != (position < end && bytes[position] == '{')) {
        throw error();
      }
      items.add(nested ? parseList() : parseElement());
      skipWhitespace();
    } while (consume((char) delimiter));
    expect('}');
    return Collections.unmodifiableList(items);
  }

  private Object parseElement() {
    if (consume('"')) {
      return parseQuoted();
    }
    int first = position;
    int last = position; // one past the last non-whitespace byte
    boolean escaped = false;
    while (position < end && bytes[position] != delimiter && bytes[position] != '}') {
      byte b = bytes[position++];
      if (b == '{' || b == '"') {
        throw error();
      }
      if (b == '\\') {
        escaped = true;
        position++;
        last = position;
      } else if (!isWhitespace(b)) {
        last = position;
      }
    }
    if (last == first || last > end) {
      throw error();
    }
    if (!escaped && last - first == 4 && isNull(first)) {
      return null;
    }
    return escaped ? decodeUnescaped(first, last) : element.decode(bytes, first, last - first);
  }

  private Object parseQuoted() {
    int first = position;
    boolean escaped = false;
    while (position < end && bytes[position] != '"') {
      if (bytes[position] == '\\') {
        escaped = true;
        position++;
      }
      position++;
    }
    if (position >= end) {
      throw error();
    }
    int last = position++;
    return escaped ? decodeUnescaped(first, last) : element.decode(bytes, first, last - first);
  }

  /** Decodes bytes[first, last) with each backslash dropped and the byte after it kept. */
  private Object decodeUnescaped(int first, int last) {
    if (scratch == null || scratch.length < last - first) {
      scratch = new byte[last - first];
    }
    int size = 0;
    for (int i = first; i < last; i++) {
      if (bytes[i] == '\\') {
        i++;
      }
      scratch[size++] = bytes[i];
    }
    return element.decode(scratch, 0, size);
  }

  private boolean isNull(int at) {
    return (bytes[at] | 0x20) == 'n'
        && (bytes[at + 1] | 0x20) == 'u'
        && (bytes[at + 2] | 0x20) == 'l'
        && (bytes[at + 3] | 0x20) == 'l';
  }
}
