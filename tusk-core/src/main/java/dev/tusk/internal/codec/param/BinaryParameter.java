package dev.tusk.internal.codec.param;

import dev.tusk.internal.codec.builtin.LengthPrefix;
import dev.tusk.types.BinaryOutput;

/** A parameter sent in the binary format: implementations write the bytes, this their length. */
interface BinaryParameter extends ParameterEncoder {

  /** Writes the value's binary bytes, without a length prefix. */
  void writeBinary(Object value, BinaryOutput out);

  @Override
  default int format() {
    return 1;
  }

  @Override
  default void write(Object value, BinaryOutput out) {
    int length = LengthPrefix.start(out);
    writeBinary(value, out);
    LengthPrefix.finish(out, length);
  }
}
