package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;

/**
 * Writes the characters of field text as UTF-8 (the client encoding) one at a time, so that the
 * text and CSV encoders can escape ASCII characters as they go without building a copy of the text.
 */
final class Utf8Chars {

  private Utf8Chars() {}

  /**
   * Writes the character at {@code index} of {@code text}, which is not ASCII, and returns the
   * index of the next one (a surrogate pair is one character).
   *
   * @throws IllegalArgumentException for half of a surrogate pair, which UTF-8 cannot encode
   */
  static int writeNonAscii(String text, int index, WriteBuffer out) {
    int codePoint = codePointAt(text, index);
    if (codePoint < 0x800) {
      out.writeByte(0xC0 | codePoint >>> 6);
    } else if (codePoint < 0x10000) {
      out.writeByte(0xE0 | codePoint >>> 12);
      out.writeByte(0x80 | (codePoint >>> 6 & 0x3F));
    } else {
      out.writeByte(0xF0 | codePoint >>> 18);
      out.writeByte(0x80 | (codePoint >>> 12 & 0x3F));
      out.writeByte(0x80 | (codePoint >>> 6 & 0x3F));
    }
    out.writeByte(0x80 | (codePoint & 0x3F));
    return index + Character.charCount(codePoint);
  }

  /**
   * Writes the first character of {@code text} as text format octal escapes, one {@code \ooo} per
   * UTF-8 byte, and returns the index of the next character. The server reads them back as the same
   * character; the field then no longer equals the NULL or DEFAULT marker it spelled.
   */
  static int writeFirstAsOctal(String text, WriteBuffer out) {
    WriteBuffer bytes = new WriteBuffer(16);
    char first = text.charAt(0);
    int next;
    if (first < 0x80) {
      bytes.writeByte(first);
      next = 1;
    } else {
      next = writeNonAscii(text, 0, bytes);
    }
    for (int i = 0; i < bytes.size(); i++) {
      int b = bytes.array()[i] & 0xFF;
      out.writeByte('\\');
      out.writeByte('0' + (b >>> 6));
      out.writeByte('0' + (b >>> 3 & 7));
      out.writeByte('0' + (b & 7));
    }
    return next;
  }

  /** Rejects the NUL character, which PostgreSQL text cannot hold. */
  static void requireNotNul(char c) {
    if (c == 0) {
      throw new IllegalArgumentException(
          "PostgreSQL text cannot hold the NUL character (U+0000); send binary data as bytea");
    }
  }

  private static int codePointAt(String text, int index) {
    char c = text.charAt(index);
    if (!Character.isSurrogate(c)) {
      return c;
    }
    if (Character.isHighSurrogate(c)
        && index + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(index + 1))) {
      return Character.toCodePoint(c, text.charAt(index + 1));
    }
    throw new IllegalArgumentException(
        String.format(
            "the text holds an unpaired surrogate U+%04X at index %d, which UTF-8 cannot encode",
            (int) c, index));
  }
}
