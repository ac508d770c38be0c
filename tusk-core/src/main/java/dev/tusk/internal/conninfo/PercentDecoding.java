package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes RFC 3986 percent-encoding in one part of a connection URI. The bytes of consecutive {@code
 * %XX} escapes must form valid UTF-8; other characters are kept as they are ({@code +} stays a plus
 * sign, as in libpq).
 */
final class PercentDecoding {

  private PercentDecoding() {}

  /**
   * Decodes {@code part}.
   *
   * @param what names the part in error messages, e.g. {@code the host "db%zz"}; must not contain a
   *     secret
   */
  static String decode(String part, String what) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    StringBuilder decoded = new StringBuilder(part.length());
    ByteArrayOutputStream escapes = new ByteArrayOutputStream();
    int i = 0;
    while (i < part.length()) {
      char c = part.charAt(i);
      if (c == '%') {
        escapes.write(hexByte(part, i, what));
        i += 3;
      } else {
        flush(escapes, decoded, what);
        decoded.append(c);
        i++;
      }
    }
    flush(escapes, decoded, what);
    return decoded.toString();
  }

  private static int hexByte(String part, int percent, String what) {
    int high = percent + 1 < part.length() ? Character.digit(part.charAt(percent + 1), 16) : -1;
    int low = percent + 2 < part.length() ? Character.digit(part.charAt(percent + 2), 16) : -1;
    if (high < 0 || low < 0 || !isAscii(part, percent + 1) || !isAscii(part, percent + 2)) {
      throw new ProgrammingError(
          "invalid percent-encoding in " + what + ": \"%\" must be followed by two hex digits");
    }
    return high << 4 | low;
  }

  /** Character.digit also accepts non-ASCII digits, which are no hex digits in a URI. */
  private static boolean isAscii(String part, int index) {
    return part.charAt(index) < 0x80;
  }

  private static void flush(ByteArrayOutputStream escapes, StringBuilder decoded, String what) {
    if (escapes.size() == 0) {
      return;
    }
    try {
      decoded.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(escapes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw new ProgrammingError("percent-encoded bytes in " + what + " are not valid UTF-8", e);
    }
    escapes.reset();
  }
}
