package dev.tusk.internal.auth;

import java.util.Map;
import java.util.Set;

/**
 * Reads the string values of chosen top-level keys from a JSON object (RFC 8259), checking the
 * whole text's syntax: just enough JSON for a server's OAUTHBEARER error result, with no
 * dependency. Nesting is limited, since a hostile server could otherwise exhaust the stack.
 */
final class JsonFields {

  private static final int MAX_DEPTH = 8;

  private final String text;
  private final Set<String> wanted;
  private int position;

  JsonFields(String text, String... wanted) {
    this.text = text;
    this.wanted = Set.of(wanted);
  }

  /**
   * Puts each wanted key's value into {@code into}.
   *
   * @throws IllegalArgumentException if the text is not one JSON object, or a wanted key is
   *     repeated or has a value other than a string
   */
  void read(Map<String, String> into) {
    skipWhitespace();
    if (peek() != '{') {
      throw new IllegalArgumentException("the top-level element must be an object");
    }
    object(1, into);
    skipWhitespace();
    if (position != text.length()) {
      throw new IllegalArgumentException("unexpected text after the object at " + position);
    }
  }

  /** An object at {@code depth}; its wanted keys go into {@code into} when at the top. */
  private void object(int depth, Map<String, String> into) {
    position++; // '{'
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return;
    }
    while (true) {
      skipWhitespace();
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (into != null && wanted.contains(key)) {
        if (peek() != '"') {
          throw new IllegalArgumentException("field \"" + key + "\" must be a string");
        }
        if (into.put(key, string()) != null) {
          throw new IllegalArgumentException("field \"" + key + "\" is duplicated");
        }
      } else {
        value(depth);
      }
      skipWhitespace();
      char next = next();
      if (next == '}') {
        return;
      }
      if (next != ',') {
        throw new IllegalArgumentException("expected ',' or '}' at " + (position - 1));
      }
    }
  }

  private void array(int depth) {
    position++; // '['
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return;
    }
    while (true) {
      skipWhitespace();
      value(depth);
      skipWhitespace();
      char next = next();
      if (next == ']') {
        return;
      }
      if (next != ',') {
        throw new IllegalArgumentException("expected ',' or ']' at " + (position - 1));
      }
    }
  }

  /** Any value inside an object or array at {@code depth}, checked and skipped. */
  private void value(int depth) {
    char c = peek();
    if (c == '{' || c == '[') {
      if (depth >= MAX_DEPTH) {
        throw new IllegalArgumentException("JSON is too deeply nested");
      }
      if (c == '{') {
        object(depth + 1, null);
      } else {
        array(depth + 1);
      }
    } else if (c == '"') {
      string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number();
    } else if (!literal("true") && !literal("false") && !literal("null")) {
      throw new IllegalArgumentException("unexpected character at " + position);
    }
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("control character in a string at " + (position - 1));
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(unicodeEscape());
        default -> throw new IllegalArgumentException("invalid escape at " + (position - 1));
      }
    }
  }

  private char unicodeEscape() {
    if (position + 4 > text.length()) {
      throw new IllegalArgumentException("truncated \\u escape");
    }
    try {
      char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
      position += 4;
      return c;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid \\u escape at " + position);
    }
  }

  private void number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    if (!text.substring(start, position)
        .matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new IllegalArgumentException("invalid number at " + start);
    }
  }

  private boolean literal(String word) {
    if (text.startsWith(word, position)) {
      position += word.length();
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + (position - 1));
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw new IllegalArgumentException("unexpected end of the text");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private void skipWhitespace() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }
}
