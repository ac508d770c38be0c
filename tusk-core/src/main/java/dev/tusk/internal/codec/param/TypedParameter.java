package dev.tusk.internal.codec.param;

import dev.tusk.internal.codec.convert.ParameterValues;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Param;

/**
 * A parameter sent as a type chosen by name or OID rather than by its Java class: a {@link Param},
 * or a value of a class registered for a type name. The value is converted to the codec's Java type
 * (see {@link ParameterValues}) when it is written; a Param holding null is a NULL of the type.
 */
public record TypedParameter(CodecParameter<?> encoder, JsonMapper mapper)
    implements ParameterEncoder {

  /** The encoder for values sent as {@code codec}'s type. */
  public static TypedParameter of(Codec<?> codec, JsonMapper mapper) {
    return new TypedParameter(CodecParameter.of(codec), mapper);
  }

  @Override
  public int oid() {
    return encoder.oid();
  }

  @Override
  public int format() {
    return encoder.format();
  }

  @Override
  public void write(Object value, BinaryOutput out) {
    Object unwrapped = value instanceof Param param ? param.value() : value;
    if (unwrapped == null) {
      out.writeInt32(-1);
      return;
    }
    encoder.write(ParameterValues.convert(unwrapped, encoder.codec(), mapper), out);
  }
}
