package dev.tusk.internal.client;

import dev.tusk.internal.codec.TypeScope;
import dev.tusk.types.Oids;

/** Bind's result format codes for the common cases: none means all text; one applies to all. */
final class BindFormats {

  /** Every column in text. */
  static final short[] ALL_TEXT = new short[0];

  /** Every column in binary. */
  static final short[] ALL_BINARY = {1};

  private BindFormats() {}

  /**
   * Per column of these types: binary where {@code types} has a binary codec, text for the others
   * and for bytea, whose text depends on the session's {@code bytea_output}, which the server does
   * not report (so a bytea read as a String is always the server's own text).
   */
  static short[] choose(int[] oids, TypeScope types) {
    short[] formats = new short[oids.length];
    boolean allBinary = true;
    boolean allText = true;
    for (int i = 0; i < oids.length; i++) {
      boolean binary =
          oids[i] != Oids.BYTEA && oids[i] != Oids.BYTEA_ARRAY && types.hasBinary(oids[i]);
      formats[i] = (short) (binary ? 1 : 0);
      allBinary &= binary;
      allText &= !binary;
    }
    return allText ? ALL_TEXT : allBinary ? ALL_BINARY : formats;
  }
}
