package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.RangeText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.PgRange;

/**
 * Any range type as {@link PgRange}, its bounds decoded and encoded by the element type's codec.
 *
 * <p>Binary (range_send) is a flags byte, then for each bound that exists an int32 length and the
 * element's binary value, lower first. Text is range_out's {@code [lower,upper)} or {@code empty};
 * see {@link RangeText}.
 */
public final class RangeCodec extends BaseCodec<PgRange<?>> {

  @SuppressWarnings("unchecked")
  private static final Class<PgRange<?>> RANGE = (Class<PgRange<?>>) (Class<?>) PgRange.class;

  /** The flag bits of range_send, from PostgreSQL's rangetypes.h. */
  static final int EMPTY = 0x01;

  static final int LOWER_INCLUSIVE = 0x02;
  static final int UPPER_INCLUSIVE = 0x04;
  static final int LOWER_INFINITE = 0x08;
  static final int UPPER_INFINITE = 0x10;

  /** Flags PostgreSQL never sends: a NULL bound and the internal contain-empty marker. */
  private static final int UNKNOWN_FLAGS = ~0x1F;

  private final Codec<?> element;

  /**
   * A codec for the range type {@code oid} named {@code typeName} over the element type's codec.
   */
  public RangeCodec(int oid, String typeName, Codec<?> element) {
    super(oid, typeName, RANGE, element.hasBinary());
    this.element = element;
  }

  /** The codec of the bounds. */
  Codec<?> element() {
    return element;
  }

  @Override
  public PgRange<?> decodeText(byte[] bytes, int offset, int length) {
    return RangeText.parseRange(bytes, offset, length, typeName(), element);
  }

  @Override
  public PgRange<?> decodeBinary(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int flags = length > 0 ? bytes[offset] & 0xFF : -1;
    if (flags < 0 || (flags & UNKNOWN_FLAGS) != 0) {
      throw DecodeErrors.badBinary(typeName(), "flags " + flags);
    }
    if ((flags & EMPTY) != 0) {
      if (length != 1) {
        throw DecodeErrors.badBinary(typeName(), "bytes after an empty range");
      }
      return PgRange.empty();
    }
    int position = offset + 1;
    Object lower = null;
    if ((flags & LOWER_INFINITE) == 0) {
      int size = boundLength(bytes, position, end);
      lower = element.decodeBinary(bytes, position + 4, size);
      position += 4 + size;
    }
    Object upper = null;
    if ((flags & UPPER_INFINITE) == 0) {
      int size = boundLength(bytes, position, end);
      upper = element.decodeBinary(bytes, position + 4, size);
      position += 4 + size;
    }
    if (position != end) {
      throw DecodeErrors.badBinary(typeName(), (end - position) + " bytes after the bounds");
    }
    return PgRange.of(lower, upper, (flags & LOWER_INCLUSIVE) != 0, (flags & UPPER_INCLUSIVE) != 0);
  }

  /** The length prefix of the bound at {@code position}, checked against the bytes left. */
  private int boundLength(byte[] bytes, int position, int end) {
    if (end - position < 4) {
      throw DecodeErrors.badBinary(typeName(), "truncated");
    }
    int length = BigEndian.int32(bytes, position);
    if (length < 0 || length > end - position - 4) {
      throw DecodeErrors.badBinary(typeName(), "bound length " + length);
    }
    return length;
  }

  @Override
  public void encodeBinary(PgRange<?> value, BinaryOutput out) {
    write(value, element.javaType(), ValueWriter.of(element), typeName(), out);
  }

  @Override
  public String encodeText(PgRange<?> value) {
    return value.toLiteral(bound -> ValueText.of(bound, element));
  }

  /** range_send's flags byte for {@code value}. */
  static int flags(PgRange<?> value) {
    if (value.isEmpty()) {
      return EMPTY;
    }
    return (value.lowerInclusive() ? LOWER_INCLUSIVE : 0)
        | (value.upperInclusive() ? UPPER_INCLUSIVE : 0)
        | (value.lower() == null ? LOWER_INFINITE : 0)
        | (value.upper() == null ? UPPER_INFINITE : 0);
  }

  /**
   * Writes {@code value} in range_send's form, each bound with {@code bound}.
   *
   * @throws ProgrammingError if a bound is not a {@code boundClass}
   */
  public static void write(
      PgRange<?> value, Class<?> boundClass, ValueWriter bound, String typeName, BinaryOutput out) {
    out.writeByte(flags(value));
    for (Object item : new Object[] {value.lower(), value.upper()}) {
      if (item == null) {
        continue;
      }
      if (!boundClass.isInstance(item)) {
        throw new ProgrammingError(
            "cannot send a "
                + item.getClass().getName()
                + " as a bound of "
                + typeName
                + "; expected "
                + boundClass.getName()
                + " (both bounds of every range must have the same Java type)");
      }
      int length = LengthPrefix.start(out);
      bound.write(item, out);
      LengthPrefix.finish(out, length);
    }
  }
}
