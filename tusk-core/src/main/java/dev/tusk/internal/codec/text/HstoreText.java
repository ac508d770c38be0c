package dev.tusk.internal.codec.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hstore text form: {@code key=>value} pairs separated by commas, each key and value either
 * double-quoted (with backslash escapes) or a bare word; a bare {@code NULL} value is SQL NULL.
 */
public final class HstoreText extends TextCursor {

  private HstoreText(byte[] bytes, int offset, int length) {
    super(bytes, offset, length, "hstore");
  }

  public static Map<String, String> parse(byte[] bytes, int offset, int length) {
    HstoreText text = new HstoreText(bytes, offset, length);
    Map<String, String> pairs = new LinkedHashMap<>();
    text.skipWhitespace();
    while (text.position < text.end) {
      String key = text.token(false);
      text.skipWhitespace();
      text.expect('=');
      text.expect('>');
      text.skipWhitespace();
      String value = text.token(true);
      pairs.putIfAbsent(key, value);
      text.skipWhitespace();
      if (text.position < text.end) {
        text.expect(',');
        text.skipWhitespace();
      }
    }
    return Collections.unmodifiableMap(pairs);
  }

  /** {@code text} in double quotes, with {@code "} and {@code \} escaped. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('"').toString();
  }

  /** A quoted or bare word; a bare NULL is null where {@code nullable}. */
  private String token(boolean nullable) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    if (position < end && bytes[position] == '"') {
      position++;
      while (position < end && bytes[position] != '"') {
        if (bytes[position] == '\\') {
          position++;
        }
        if (position < end) {
          value.write(bytes[position++]);
        }
      }
      expect('"');
      return value.toString(StandardCharsets.UTF_8);
    }
    int first = position;
    while (position < end && !isDelimiter(bytes[position])) {
      if (bytes[position] == '\\' && position + 1 < end) {
        position++;
      }
      value.write(bytes[position++]);
    }
    if (position == first) {
      throw error();
    }
    String word = value.toString(StandardCharsets.UTF_8);
    return nullable && position - first == 4 && word.equalsIgnoreCase("NULL") ? null : word;
  }

  private static boolean isDelimiter(byte b) {
    return b == '=' || b == ',' || b == '"' || isWhitespace(b);
  }
}
