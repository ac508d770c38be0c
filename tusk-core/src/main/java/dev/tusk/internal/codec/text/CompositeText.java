package dev.tusk.internal.codec.text;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text format of composite values (record_in, record_out): {@code (a,"b c",)}. Fields are
 * separated by commas; an empty unquoted field is NULL; double quotes enclose text with special
 * characters, where {@code ""} is a quote; a backslash escapes the next character anywhere.
 * Whitespace is part of the field.
 */
public final class CompositeText {

  private CompositeText() {}

  /**
   * Splits a composite's text into its fields' raw text (unescaped UTF-8), null for NULL, each
   * decoded by {@code field} with its index. {@code ()} is no fields for a type without attributes,
   * and one NULL field otherwise.
   */
  public static List<Object> parse(
      byte[] bytes, int offset, int length, String typeName, int count, FieldDecoder field) {
    int end = offset + length;
    int position = offset;
    while (position < end && TextCursor.isWhitespace(bytes[position])) {
      position++;
    }
    int last = end;
    while (last > position && TextCursor.isWhitespace(bytes[last - 1])) {
      last--;
    }
    if (position >= last || bytes[position] != '(' || bytes[last - 1] != ')') {
      throw DecodeErrors.badText(typeName, bytes, offset, length);
    }
    List<Object> values = new ArrayList<>();
    ByteArrayOutputStream scratch = new ByteArrayOutputStream();
    position++;
    last--;
    if (count == 0 && position == last) {
      return values;
    }
    while (true) {
      scratch.reset();
      boolean quotedOrEscaped = false;
      boolean inQuotes = false;
      while (position < last && (inQuotes || bytes[position] != ',')) {
        byte b = bytes[position++];
        if (b == '\\' && position < last) {
          scratch.write(bytes[position++]);
          quotedOrEscaped = true;
        } else if (b == '"' && inQuotes && position < last && bytes[position] == '"') {
          scratch.write('"');
          position++;
        } else if (b == '"') {
          inQuotes = !inQuotes;
          quotedOrEscaped = true;
        } else {
          scratch.write(b);
        }
      }
      if (inQuotes) {
        throw DecodeErrors.badText(typeName, bytes, offset, length);
      }
      byte[] text = scratch.toByteArray();
      int index = values.size();
      values.add(
          text.length == 0 && !quotedOrEscaped ? null : field.decode(index, text, 0, text.length));
      if (position >= last) {
        return values;
      }
      position++; // the comma
    }
  }

  /** Renders fields in record_out's form; {@code render} gives each non-NULL field's text. */
  public static String render(List<?> values, Function<Integer, String> render) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      if (values.get(i) != null) {
        appendField(text, render.apply(i));
      }
    }
    return text.append(')').toString();
  }

  private static void appendField(StringBuilder text, String field) {
    if (!needsQuotes(field)) {
      text.append(field);
      return;
    }
    text.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"' || c == '\\') {
        text.append(c);
      }
      text.append(c);
    }
    text.append('"');
  }

  private static boolean needsQuotes(String field) {
    if (field.isEmpty()) {
      return true;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || TextCursor.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  /** Decodes one non-NULL field's text. */
  @FunctionalInterface
  public interface FieldDecoder {
    Object decode(int index, byte[] bytes, int offset, int length);
  }
}
