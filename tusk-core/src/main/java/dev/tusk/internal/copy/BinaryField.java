package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.builtin.BinaryPrimitives;
import dev.tusk.internal.codec.convert.ParameterValues;
import dev.tusk.types.Codec;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.PgRecord;
import java.util.List;

/**
 * Writes one column's values in a binary COPY row: the int32 length, then the codec's binary
 * encoding, straight into the buffer. A value of the codec's Java class goes to the codec as it is
 * (built-in integers, float8 and bool are written without the codec); other values, and the
 * elements of arrays and composites, are converted first (see {@link ParameterValues}).
 *
 * @param <T> the codec's Java type
 */
final class BinaryField<T> {

  private final Codec<T> codec;
  private final Class<T> javaType;
  private final int primitive;
  private final JsonMapper mapper;

  /**
   * Whether any instance of the codec's Java type goes to it as it is: false for JSON (any object,
   * mapped or written), arrays and composites (whose elements may need converting).
   */
  private final boolean takesInstances;

  BinaryField(Codec<T> codec, JsonMapper mapper) {
    this.codec = codec;
    this.javaType = codec.javaType();
    this.primitive = BinaryPrimitives.kind(codec, 1);
    this.mapper = mapper;
    this.takesInstances =
        javaType != Object.class
            && !List.class.isAssignableFrom(javaType)
            && javaType != PgRecord.class;
  }

  static BinaryField<?> of(Codec<?> codec, JsonMapper mapper) {
    return new BinaryField<>(codec, mapper);
  }

  Codec<T> codec() {
    return codec;
  }

  /** Writes a non-null value with its length. */
  void write(Object value, WriteBuffer out) {
    if (primitive != BinaryPrimitives.NONE && value.getClass() == javaType) {
      writePrimitive(value, out);
    } else if (takesInstances && javaType.isInstance(value)) {
      writeWithLength(javaType.cast(value), out);
    } else {
      writeWithLength(javaType.cast(ParameterValues.convert(value, codec, mapper)), out);
    }
  }

  private void writePrimitive(Object value, WriteBuffer out) {
    switch (primitive) {
      case BinaryPrimitives.INT2 -> out.writeInt32(2).writeInt16((Short) value);
      case BinaryPrimitives.INT4 -> out.writeInt32(4).writeInt32((Integer) value);
      case BinaryPrimitives.INT8 -> out.writeInt32(8).writeInt64((Long) value);
      case BinaryPrimitives.FLOAT8 ->
          out.writeInt32(8).writeInt64(Double.doubleToRawLongBits((Double) value));
      case BinaryPrimitives.BOOL -> out.writeInt32(1).writeByte((Boolean) value ? 1 : 0);
      default -> throw new IllegalStateException("not a primitive kind: " + primitive);
    }
  }

  private void writeWithLength(T value, WriteBuffer out) {
    int length = out.reserveInt32();
    codec.encodeBinary(value, out);
    out.setInt32(length, out.size() - length - 4);
  }
}
