package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.types.Codec;

/**
 * Reads binary integers, float8 and bool straight from a row as primitives, for typed getters such
 * as {@code getLong}: no boxing and no dispatch through the registry on the hottest reads. Only for
 * the built-in codecs themselves; a column decoded by a user's codec takes the general path.
 */
public final class BinaryPrimitives {

  /** The column cannot be read directly. */
  public static final int NONE = 0;

  /** A binary int2. */
  public static final int INT2 = 1;

  /** A binary int4. */
  public static final int INT4 = 2;

  /** A binary int8. */
  public static final int INT8 = 3;

  /** A binary float8. */
  public static final int FLOAT8 = 4;

  /** A binary bool. */
  public static final int BOOL = 5;

  private BinaryPrimitives() {}

  /** How a column decoded by {@code codec} in {@code format} can be read directly, or NONE. */
  public static int kind(Codec<?> codec, int format) {
    if (format != 1) {
      return NONE;
    }
    if (codec == IntegerCodecs.INT8) {
      return INT8;
    } else if (codec == IntegerCodecs.INT4) {
      return INT4;
    } else if (codec == IntegerCodecs.INT2) {
      return INT2;
    }
    if (codec == BooleanCodec.INSTANCE) {
      return BOOL;
    }
    return codec == FloatCodecs.FLOAT8 ? FLOAT8 : NONE;
  }

  /** Whether a value of {@code length} bytes is a well-formed value of a direct {@code kind}. */
  public static boolean fits(int kind, int length) {
    return switch (kind) {
      case BOOL -> length == 1;
      case INT2 -> length == 2;
      case INT4 -> length == 4;
      case INT8, FLOAT8 -> length == 8;
      default -> false;
    };
  }

  /** An integer column of kind INT2, INT4 or INT8 as a long. */
  public static long readLong(int kind, byte[] bytes, int offset) {
    return switch (kind) {
      case INT8 -> BigEndian.int64(bytes, offset);
      case INT4 -> BigEndian.int32(bytes, offset);
      case INT2 -> BigEndian.int16(bytes, offset);
      default -> throw new IllegalArgumentException("not an integer column: kind " + kind);
    };
  }

  /** A bool column's value: bool_send writes 1 or 0. */
  public static boolean readBoolean(byte[] bytes, int offset) {
    return bytes[offset] != 0;
  }

  /** A float8 column's value. */
  public static double readDouble(byte[] bytes, int offset) {
    return Double.longBitsToDouble(BigEndian.int64(bytes, offset));
  }
}
