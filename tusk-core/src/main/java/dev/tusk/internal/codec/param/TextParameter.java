package dev.tusk.internal.codec.param;

import dev.tusk.internal.codec.builtin.LengthPrefix;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;

/**
 * A parameter sent as text with OID 0, so that the server infers its type from the statement:
 * implementations render the text, this writes it.
 */
interface TextParameter extends ParameterEncoder {

  /** The value's text, in the form the inferred type's input function accepts. */
  String text(Object value);

  @Override
  default int oid() {
    return Oids.UNSPECIFIED;
  }

  @Override
  default int format() {
    return 0;
  }

  @Override
  default void write(Object value, BinaryOutput out) {
    String text = text(value);
    int length = LengthPrefix.start(out);
    out.writeUtf8(text);
    LengthPrefix.finish(out, length);
  }
}
