package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;

/**
 * CSV: fields separated by the delimiter, a newline after each row. A field is quoted when it holds
 * the delimiter, the quote, a carriage return or a newline, when it equals the NULL (or DEFAULT)
 * marker, so that {@code ""} is an empty string where an unquoted empty field is NULL, and when it
 * starts with {@code \.}, which at the start of a line would end the data. Inside quotes the quote
 * and escape characters are preceded by the escape character ({@code ""} by default).
 */
final class CsvRowEncoder extends DelimitedRowEncoder {

  CsvRowEncoder(CopyOptions options, FieldText texts) {
    super(options, texts);
  }

  @Override
  void writeField(String text, WriteBuffer out) {
    if (!needsQuotes(text)) {
      writeUnquoted(text, out);
      return;
    }
    out.writeByte(options.quote());
    write(text, out, true);
    out.writeByte(options.quote());
  }

  private boolean needsQuotes(String text) {
    if (isMarker(text) || text.startsWith("\\.")) {
      return true;
    }
    char delimiter = options.delimiter();
    char quote = options.quote();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == delimiter || c == quote || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** ASCII text other than NUL goes in one copy; anything else char by char. */
  private void writeUnquoted(String text, WriteBuffer out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c >= 0x80) {
        write(text, out, false);
        return;
      }
    }
    out.writeUtf8(text);
  }

  private void write(String text, WriteBuffer out, boolean quoted) {
    char quote = options.quote();
    char escape = options.escape();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        i = Utf8Chars.writeNonAscii(text, i, out);
        continue;
      }
      Utf8Chars.requireNotNul(c);
      if (quoted && (c == quote || c == escape)) {
        out.writeByte(escape);
      }
      out.writeByte(c);
      i++;
    }
  }
}
