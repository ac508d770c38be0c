package dev.tusk.internal.copy;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.WriteBuffer;

/**
 * The text format: fields separated by the delimiter, a newline after each row, and backslash
 * escapes as the server's COPY TO writes them: {@code \\} for a backslash, {@code \b \f \n \r \t
 * \v} for those control characters, and a backslash before the delimiter. A value whose escaped
 * text would spell the NULL (or DEFAULT) marker has its first character written as octal escapes,
 * which the server reads as the same character but not as the marker; an empty string cannot be
 * told from {@code NULL ''} and fails.
 */
final class TextRowEncoder extends DelimitedRowEncoder {

  TextRowEncoder(CopyOptions options, FieldText texts) {
    super(options, texts);
  }

  @Override
  void writeField(String text, WriteBuffer out) {
    int start = out.size();
    escape(text, 0, out);
    if (spellsMarker(out, start)) {
      if (text.isEmpty()) {
        throw new DataError(
            "an empty string cannot be written in text COPY data whose NULL marker is the empty"
                + " string: it would be read as NULL; use FORMAT csv, where \"\" is an empty string");
      }
      out.truncate(start);
      escape(text, Utf8Chars.writeFirstAsOctal(text, out), out);
    }
  }

  private void escape(String text, int from, WriteBuffer out) {
    char delimiter = options.delimiter();
    int i = from;
    if (from == 0 && isPlainAscii(text, delimiter)) {
      out.writeUtf8(text);
      return;
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        i = Utf8Chars.writeNonAscii(text, i, out);
        continue;
      }
      char escaped = escapeLetter(c);
      if (escaped != 0) {
        out.writeByte('\\').writeByte(escaped);
      } else if (c == '\\' || c == delimiter) {
        out.writeByte('\\').writeByte(c);
      } else {
        Utf8Chars.requireNotNul(c);
        out.writeByte(c);
      }
      i++;
    }
  }

  /** Whether every character is printable ASCII other than the backslash and the delimiter. */
  private static boolean isPlainAscii(String text, char delimiter) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '\\' || c == delimiter) {
        return false;
      }
    }
    return true;
  }

  /** The letter of the escape for a control character the server escapes, else 0. */
  private static char escapeLetter(char c) {
    return switch (c) {
      case '\b' -> 'b';
      case '\f' -> 'f';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\t' -> 't';
      case '\u000B' -> 'v';
      default -> 0;
    };
  }
}
