package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.FloatText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;

/**
 * {@code float4} and {@code float8}: IEEE 754 bits, big-endian, in binary (so NaN and the
 * infinities travel as themselves); the server's shortest-exact decimal in text.
 */
public final class FloatCodecs {

  public static final Codec<Float> FLOAT4 = new Float4();
  public static final Codec<Double> FLOAT8 = new Float8();

  private FloatCodecs() {}

  private static final class Float4 extends BaseCodec<Float> {

    Float4() {
      super(Oids.FLOAT4, "float4", Float.class);
    }

    @Override
    public Float decodeText(byte[] bytes, int offset, int length) {
      return FloatText.parseFloat(bytes, offset, length);
    }

    @Override
    public Float decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("float4", 4, length);
      return Float.intBitsToFloat(BigEndian.int32(bytes, offset));
    }

    @Override
    public void encodeBinary(Float value, BinaryOutput out) {
      out.writeInt32(Float.floatToRawIntBits(value));
    }

    @Override
    public String encodeText(Float value) {
      return FloatText.render((float) value);
    }
  }

  private static final class Float8 extends BaseCodec<Double> {

    Float8() {
      super(Oids.FLOAT8, "float8", Double.class);
    }

    @Override
    public Double decodeText(byte[] bytes, int offset, int length) {
      return FloatText.parseDouble(bytes, offset, length);
    }

    @Override
    public Double decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("float8", 8, length);
      return Double.longBitsToDouble(BigEndian.int64(bytes, offset));
    }

    @Override
    public void encodeBinary(Double value, BinaryOutput out) {
      out.writeInt64(Double.doubleToRawLongBits(value));
    }

    @Override
    public String encodeText(Double value) {
      return FloatText.render((double) value);
    }
  }
}
