package dev.tusk.internal.codec;

import dev.tusk.internal.buffer.WriteBuffer;

/**
 * The int32 length in front of every value on the wire (parameters, array elements), filled in once
 * the value is written so that no value is encoded twice to learn its size.
 */
final class LengthPrefix {

  private LengthPrefix() {}

  /** Reserves the length; returns its position for {@link #finish}. */
  static int start(WriteBuffer out) {
    return out.reserveInt32();
  }

  /** Fills in the length of everything written since {@link #start}. */
  static void finish(WriteBuffer out, int position) {
    out.setInt32(position, out.size() - position - 4);
  }
}
