package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.types.Codec;

/**
 * Reads a CSV row as PostgreSQL's COPY FROM does ({@code CopyReadAttributesCSV}): a quote starts or
 * ends a quoted section anywhere in a field; inside one, the escape character before a quote or
 * itself stands for that character, and delimiters and line breaks are data. A field that is
 * exactly the NULL marker and has no quotes is NULL, so {@code ""} is an empty string.
 */
final class CsvRowDecoder extends DelimitedRowDecoder {

  /** Where quoted fields are unquoted; reused from row to row. */
  private final WriteBuffer unquoted = new WriteBuffer(64);

  CsvRowDecoder(CopyOptions options, Codec<?>[] codecs) {
    super(options, codecs);
  }

  @Override
  void parse(byte[] data, int start, int end) {
    byte delimiter = (byte) options.delimiter();
    int i = start;
    while (true) {
      int fieldStart = i;
      while (i < end && data[i] != delimiter && data[i] != options.quote()) {
        lineBreakOutsideQuotes(data[i]);
        i++;
      }
      if (i < end && data[i] == options.quote()) {
        i = quoted(data, fieldStart, i, end);
        add(unquoted.array(), 0, unquoted.size(), false);
      } else if (isNullMarker(data, fieldStart, i)) {
        add(data, fieldStart, 0, true);
      } else {
        add(data, fieldStart, i - fieldStart, false);
      }
      if (i >= end) {
        return;
      }
      i++;
    }
  }

  /**
   * Reads a field with quotes into {@link #unquoted}: the plain part before the first quote, then
   * quoted and plain parts up to the delimiter or the end. Returns the index where it ends.
   */
  private int quoted(byte[] data, int fieldStart, int firstQuote, int end) {
    byte delimiter = (byte) options.delimiter();
    byte quote = (byte) options.quote();
    byte escape = (byte) options.escape();
    unquoted.clear();
    unquoted.writeBytes(data, fieldStart, firstQuote - fieldStart);
    boolean inQuotes = false;
    int i = firstQuote;
    while (i < end) {
      byte b = data[i];
      if (!inQuotes) {
        if (b == delimiter) {
          return i;
        }
        lineBreakOutsideQuotes(b);
        if (b == quote) {
          inQuotes = true;
        } else {
          unquoted.writeByte(b);
        }
        i++;
      } else if (b == escape && i + 1 < end && (data[i + 1] == quote || data[i + 1] == escape)) {
        unquoted.writeByte(data[i + 1]);
        i += 2;
      } else {
        if (b == quote) {
          inQuotes = false;
        } else {
          unquoted.writeByte(b);
        }
        i++;
      }
    }
    if (inQuotes) {
      throw FieldErrors.badData("unterminated CSV quoted field");
    }
    return i;
  }

  private static void lineBreakOutsideQuotes(byte b) {
    if (b == '\n' || b == '\r') {
      throw FieldErrors.badData(
          "a CSV COPY row holds a line break outside quotes: the data is not one row per CopyData"
              + " message, or not in CSV format");
    }
  }
}
