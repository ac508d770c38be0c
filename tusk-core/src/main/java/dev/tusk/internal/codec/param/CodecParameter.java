package dev.tusk.internal.codec.param;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.builtin.LengthPrefix;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;

/**
 * A parameter sent through one codec with the codec's OID: binary when the codec has a binary
 * format, else as its text. Values must already be of the codec's Java type.
 */
public record CodecParameter<T>(Codec<T> codec) implements ParameterEncoder {

  /** The encoder for {@code codec}. */
  public static <T> CodecParameter<T> of(Codec<T> codec) {
    return new CodecParameter<>(codec);
  }

  @Override
  public int oid() {
    return codec.oid();
  }

  @Override
  public int format() {
    return codec.hasBinary() ? 1 : 0;
  }

  @Override
  public void write(Object value, BinaryOutput out) {
    T typed = cast(value);
    int length = LengthPrefix.start(out);
    try {
      if (codec.hasBinary()) {
        codec.encodeBinary(typed, out);
      } else {
        out.writeUtf8(TextCodec.requireNoNul(codec.encodeText(typed), codec.typeName()));
      }
    } catch (TuskException e) {
      throw e;
    } catch (RuntimeException e) {
      // Most likely a user's codec: say which, and for what.
      throw new DataError(
          "the codec "
              + codec.getClass().getName()
              + " failed to encode a "
              + value.getClass().getName()
              + " as "
              + codec.typeName()
              + ": "
              + e,
          e);
    }
    LengthPrefix.finish(out, length);
  }

  private T cast(Object value) {
    if (!codec.javaType().isInstance(value)) {
      throw new ProgrammingError(
          "cannot send a "
              + value.getClass().getName()
              + " as "
              + codec.typeName()
              + "; its codec takes "
              + codec.javaType().getName());
    }
    return codec.javaType().cast(value);
  }
}
