package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in JSON reader and writer (RFC 8259, strictly): JSON text to natural Java values and
 * back, so json and jsonb need no library.
 *
 * <p>Reading gives an unmodifiable {@code Map<String, Object>} (in the text's key order; a repeated
 * key keeps its last value, as jsonb does) for an object, an unmodifiable List for an array,
 * String, Boolean, null, and for a number an Integer, Long or BigInteger when it is an integer
 * without fraction or exponent, else a BigDecimal (exact, never a rounded double). Nesting deeper
 * than {@link #MAX_DEPTH} and any text outside the grammar is a DataError naming the offset.
 *
 * <p>Writing takes those types and any Map with String keys, any Collection or Object array, any
 * Number (non-finite floats are a DataError: JSON has no NaN) and {@link Json} (its text as it is).
 * The text is spaced as jsonb prints it: {@code {"a": 1, "b": [true, null]}}.
 */
public final class JsonText {

  /**
   * How deeply arrays and objects may nest: deeper input is refused rather than overflowing. Each
   * level takes two stack frames; 512 levels fit the smallest stacks Tusk runs on (a virtual
   * thread's first chunk grows, a platform thread's default is 1 MiB even while the code is
   * interpreted).
   */
  static final int MAX_DEPTH = 512;

  private final String text;
  private int position;
  private int depth;

  private JsonText(String text) {
    this.text = text;
  }

  /** The value {@code text} holds: one JSON value, with only whitespace around it. */
  public static Object parse(String text) {
    JsonText parser = new JsonText(text);
    parser.skipWhitespace();
    Object value;
    try {
      value = parser.value();
    } catch (StackOverflowError e) {
      // A thread with an unusually small stack: the recursion has unwound, nothing is left half
      // made. The value is refused as too deep for this thread, never a crash.
      throw parser.error("nesting too deep for this thread's stack");
    }
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("text after the value");
    }
    return value;
  }

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private Object value() {
    if (position >= text.length()) {
      throw error("a value was expected");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (!consume('}')) {
      do {
        skipWhitespace();
        if (position >= text.length() || text.charAt(position) != '"') {
          throw error("a member name in double quotes was expected");
        }
        String name = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        members.put(name, value());
        skipWhitespace();
      } while (consume(','));
      expect('}');
    }
    depth--;
    return Collections.unmodifiableMap(members);
  }

  private List<Object> array() {
    enter();
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (!consume(']')) {
      do {
        skipWhitespace();
        items.add(value());
        skipWhitespace();
      } while (consume(','));
      expect(']');
    }
    depth--;
    return Collections.unmodifiableList(items);
  }

  private void enter() {
    position++;
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected character '" + text.charAt(position) + "'");
    }
    position += word.length();
    return value;
  }

  private String string() {
    position++; // the opening quote
    StringBuilder value = null;
    int run = position;
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position);
      if (c == '"') {
        String last = text.substring(run, position++);
        return value == null ? last : value.append(last).toString();
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
      }
      if (c != '\\') {
        position++;
        continue;
      }
      if (value == null) {
        value = new StringBuilder();
      }
      value.append(text, run, position);
      position++;
      value.append(escape());
      run = position;
    }
  }

  private char escape() {
    if (position >= text.length()) {
      throw error("unterminated escape");
    }
    char c = text.charAt(position++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (position + 4 > text.length()) {
          throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(text.charAt(position++), 16);
          if (digit < 0) {
            throw error("bad \\u escape");
          }
          code = code * 16 + digit;
        }
        yield (char) code;
      }
      default -> throw error("bad escape \\" + c);
    };
  }

  private Number number() {
    int start = position;
    consume('-');
    if (consume('0')) {
      // A leading zero stands alone.
    } else if (!digits()) {
      throw error("a digit was expected");
    }
    boolean integer = true;
    if (consume('.')) {
      integer = false;
      if (!digits()) {
        throw error("a digit was expected after the decimal point");
      }
    }
    if (consume('e') || consume('E')) {
      integer = false;
      if (!consume('+')) {
        consume('-');
      }
      if (!digits()) {
        throw error("a digit was expected in the exponent");
      }
    }
    String number = text.substring(start, position);
    if (!integer) {
      return new BigDecimal(number);
    }
    if (number.length() <= 18) {
      long value = Long.parseLong(number);
      return value == (int) value ? (Number) (int) value : (Number) value;
    }
    BigInteger value = new BigInteger(number);
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  private boolean digits() {
    int start = position;
    while (position < text.length()
        && text.charAt(position) >= '0'
        && text.charAt(position) <= '9') {
      position++;
    }
    return position > start;
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private boolean consume(char c) {
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("'" + c + "' was expected");
    }
  }

  private DataError error(String problem) {
    return new DataError("invalid JSON at offset " + position + ": " + problem);
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new DataError(
          "cannot write JSON nested deeper than "
              + MAX_DEPTH
              + " levels (is a value inside itself?)");
    }
    switch (value) {
      case null -> out.append("null");
      case String string -> writeString(string, out);
      case Boolean bool -> out.append(bool);
      case Json json -> out.append(json.text());
      case Double number -> out.append(finite(number, BigDecimal::valueOf));
      case Float number -> out.append(finite(number, f -> new BigDecimal(f.toString())));
      case BigDecimal number -> out.append(number.toString());
      case Integer number -> out.append(number);
      case Long number -> out.append(number);
      case Short number -> out.append(number);
      case Byte number -> out.append(number);
      case BigInteger number -> out.append(number);
      case Map<?, ?> map -> writeObject(map, out, depth);
      case Iterable<?> items -> writeArray(items, out, depth);
      case Object[] items -> writeArray(Arrays.asList(items), out, depth);
      default ->
          throw new ProgrammingError(
              "the built-in JSON writer cannot write a "
                  + value.getClass().getName()
                  + "; use Maps, Lists, Strings, Numbers and Booleans, or register a JsonMapper"
                  + " and send it with Param.json(value)");
    }
  }

  private static <N extends Number> String finite(N number, Function<N, BigDecimal> exact) {
    if (!Double.isFinite(number.doubleValue())) {
      throw new DataError("JSON has no " + number + "; send it as a string or null");
    }
    // The shortest decimal that reads back as the number, in plain or exponent notation.
    return exact.apply(number).toString();
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> member : map.entrySet()) {
      if (!(member.getKey() instanceof String name)) {
        throw new ProgrammingError(
            "a JSON object needs String keys, not "
                + (member.getKey() == null ? "null" : member.getKey().getClass().getName()));
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      writeString(name, out);
      out.append(": ");
      write(member.getValue(), out, depth + 1);
    }
    out.append('}');
  }

  private static void writeArray(Iterable<?> items, StringBuilder out, int depth) {
    out.append('[');
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      write(item, out, depth + 1);
    }
    out.append(']');
  }

  /** A string as jsonb prints it: quotes, backslashes and control characters escaped. */
  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
