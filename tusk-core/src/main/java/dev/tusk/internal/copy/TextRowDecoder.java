package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.types.Codec;

/**
 * Reads a text format row as PostgreSQL's COPY FROM does ({@code CopyReadAttributesText}): a field
 * that is exactly the NULL marker (before unescaping) is NULL; {@code \b \f \n \r \t \v}, octal
 * {@code \ooo} and hex {@code \xhh} escapes stand for those bytes, and a backslash before any other
 * character for that character.
 */
final class TextRowDecoder extends DelimitedRowDecoder {

  /** Where escaped fields are unescaped; reused from row to row. */
  private final WriteBuffer unescaped = new WriteBuffer(64);

  TextRowDecoder(CopyOptions options, Codec<?>[] codecs) {
    super(options, codecs);
  }

  @Override
  void parse(byte[] data, int start, int end) {
    byte delimiter = (byte) options.delimiter();
    int i = start;
    while (true) {
      int fieldStart = i;
      boolean escaped = false;
      while (i < end && data[i] != delimiter) {
        byte b = data[i];
        if (b == '\\') {
          escaped = true;
          i = Math.min(i + 2, end);
        } else if (b == '\n' || b == '\r') {
          throw FieldErrors.badData(
              "a text COPY row holds an unescaped line break: the data is not one row per"
                  + " CopyData message, or not in text format");
        } else {
          i++;
        }
      }
      if (isNullMarker(data, fieldStart, i)) {
        add(data, fieldStart, 0, true);
      } else if (!escaped) {
        add(data, fieldStart, i - fieldStart, false);
      } else {
        unescape(data, fieldStart, i);
        add(unescaped.array(), 0, unescaped.size(), false);
      }
      if (i >= end) {
        return;
      }
      i++;
    }
  }

  private void unescape(byte[] data, int start, int end) {
    unescaped.clear();
    int i = start;
    while (i < end) {
      byte b = data[i++];
      if (b != '\\') {
        unescaped.writeByte(b);
      } else if (i < end) {
        i = unescapeOne(data, i, end);
      }
    }
  }

  /** Writes the byte the escape at {@code data[i]} (after the backslash) stands for. */
  private int unescapeOne(byte[] data, int i, int end) {
    byte c = data[i++];
    switch (c) {
      case 'b' -> unescaped.writeByte('\b');
      case 'f' -> unescaped.writeByte('\f');
      case 'n' -> unescaped.writeByte('\n');
      case 'r' -> unescaped.writeByte('\r');
      case 't' -> unescaped.writeByte('\t');
      case 'v' -> unescaped.writeByte(0x0B);
      case 'x' -> {
        int value = 0;
        int digits = 0;
        while (digits < 2 && i < end && Character.digit(data[i], 16) >= 0) {
          value = value * 16 + Character.digit(data[i++], 16);
          digits++;
        }
        unescaped.writeByte(digits == 0 ? 'x' : value);
      }
      default -> {
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int digits = 1;
              digits < 3 && i < end && data[i] >= '0' && data[i] <= '7';
              digits++) {
            value = value * 8 + data[i++] - '0';
          }
          unescaped.writeByte(value & 0xFF);
        } else {
          unescaped.writeByte(c);
        }
      }
    }
    return i;
  }
}
