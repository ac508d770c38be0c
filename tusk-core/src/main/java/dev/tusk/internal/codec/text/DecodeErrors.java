package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;
import java.nio.charset.StandardCharsets;

/** The DataErrors raised for malformed values, worded the same way for every type. */
public final class DecodeErrors {

  /** Long values are cut in messages: the start is enough to recognise them. */
  private static final int QUOTED_LIMIT = 100;

  private DecodeErrors() {}

  /** Fails unless a binary value has the fixed size of its type. */
  public static void requireLength(String typeName, int expected, int actual) {
    if (actual != expected) {
      throw new DataError(
          "invalid binary " + typeName + " value: expected " + expected + " bytes, got " + actual);
    }
  }

  /** A value in the text format that does not parse as the type. */
  public static DataError badText(String typeName, byte[] bytes, int offset, int length) {
    return badText(typeName, new String(bytes, offset, length, StandardCharsets.UTF_8));
  }

  /** A value in the text format that does not parse as the type. */
  public static DataError badText(String typeName, String text) {
    String shown = text.length() > QUOTED_LIMIT ? text.substring(0, QUOTED_LIMIT) + "..." : text;
    return new DataError("invalid text for type " + typeName + ": '" + shown + "'");
  }

  /** A binary value whose content is inconsistent. */
  public static DataError badBinary(String typeName, String problem) {
    return new DataError("invalid binary " + typeName + " value: " + problem);
  }
}
