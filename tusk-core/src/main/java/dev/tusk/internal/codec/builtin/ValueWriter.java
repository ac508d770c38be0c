package dev.tusk.internal.codec.builtin;

import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;

/** Writes one non-NULL value's binary bytes, without a length prefix. */
@FunctionalInterface
public interface ValueWriter {

  void write(Object value, BinaryOutput out);

  /** A writer that hands values to {@code codec}, which must accept their class. */
  static <T> ValueWriter of(Codec<T> codec) {
    Class<T> type = codec.javaType();
    return (value, out) -> codec.encodeBinary(type.cast(value), out);
  }
}
