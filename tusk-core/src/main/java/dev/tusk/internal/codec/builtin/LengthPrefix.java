package dev.tusk.internal.codec.builtin;

import dev.tusk.types.BinaryOutput;

/**
 * The int32 length in front of every value on the wire (parameters, array elements), filled in once
 * the value is written so that no value is encoded twice to learn its size.
 */
public final class LengthPrefix {

  private LengthPrefix() {}

  /** Reserves the length; returns its position for {@link #finish}. */
  public static int start(BinaryOutput out) {
    return out.reserveInt32();
  }

  /** Fills in the length of everything written since {@link #start}. */
  public static void finish(BinaryOutput out, int position) {
    out.setInt32(position, out.size() - position - 4);
  }
}
