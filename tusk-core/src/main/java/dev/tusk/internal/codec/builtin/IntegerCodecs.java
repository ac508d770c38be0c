package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;

/**
 * {@code int2}, {@code int4} and {@code int8}: big-endian two's complement in binary, decimal in
 * text. Decoding reads the row's bytes directly, without an intermediate String.
 */
public final class IntegerCodecs {

  public static final Codec<Short> INT2 = new Int2();
  public static final Codec<Integer> INT4 = new Int4();
  public static final Codec<Long> INT8 = new Int8();

  private IntegerCodecs() {}

  /**
   * Parses an optionally signed decimal integer in {@code [min, max]}.
   *
   * @throws dev.tusk.errors.DataError naming the type if the text is not such a number
   */
  static long parse(byte[] bytes, int offset, int length, String typeName, long min, long max) {
    int end = offset + length;
    int i = offset;
    boolean negative = i < end && bytes[i] == '-';
    if (i < end && (negative || bytes[i] == '+')) {
      i++;
    }
    if (i == end) {
      throw DecodeErrors.badText(typeName, bytes, offset, length);
    }
    // Accumulate as a negative number: its range includes Long.MIN_VALUE.
    long value = 0;
    for (; i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
        throw DecodeErrors.badText(typeName, bytes, offset, length);
      }
      value = value * 10 - digit;
    }
    if (!negative) {
      value = -value;
    }
    if ((!negative && value < 0) || value < min || value > max) {
      throw DecodeErrors.badText(typeName, bytes, offset, length);
    }
    return value;
  }

  /** What the three widths share; each subclass only reads, writes and boxes its width. */
  private abstract static sealed class IntegerCodec<T extends Number> extends BaseCodec<T>
      permits Int2, Int4, Int8 {

    private final int width;
    private final long min;
    private final long max;

    IntegerCodec(int oid, String typeName, Class<T> javaType, int width, long min, long max) {
      super(oid, typeName, javaType);
      this.width = width;
      this.min = min;
      this.max = max;
    }

    abstract T box(long value);

    abstract T read(byte[] bytes, int offset);

    @Override
    public T decodeText(byte[] bytes, int offset, int length) {
      return box(parse(bytes, offset, length, typeName(), min, max));
    }

    @Override
    public T decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength(typeName(), width, length);
      return read(bytes, offset);
    }

    @Override
    public String encodeText(T value) {
      return value.toString();
    }
  }

  private static final class Int2 extends IntegerCodec<Short> {
    Int2() {
      super(Oids.INT2, "int2", Short.class, 2, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    Short box(long value) {
      return (short) value;
    }

    @Override
    Short read(byte[] bytes, int offset) {
      return BigEndian.int16(bytes, offset);
    }

    @Override
    public void encodeBinary(Short value, BinaryOutput out) {
      out.writeInt16(value);
    }
  }

  private static final class Int4 extends IntegerCodec<Integer> {
    Int4() {
      super(Oids.INT4, "int4", Integer.class, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    Integer box(long value) {
      return (int) value;
    }

    @Override
    Integer read(byte[] bytes, int offset) {
      return BigEndian.int32(bytes, offset);
    }

    @Override
    public void encodeBinary(Integer value, BinaryOutput out) {
      out.writeInt32(value);
    }
  }

  private static final class Int8 extends IntegerCodec<Long> {
    Int8() {
      super(Oids.INT8, "int8", Long.class, 8, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    Long box(long value) {
      return value;
    }

    @Override
    Long read(byte[] bytes, int offset) {
      return BigEndian.int64(bytes, offset);
    }

    @Override
    public void encodeBinary(Long value, BinaryOutput out) {
      out.writeInt64(value);
    }
  }
}
