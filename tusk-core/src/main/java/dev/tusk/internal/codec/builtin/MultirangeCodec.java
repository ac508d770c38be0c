package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.RangeText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Any multirange type (PostgreSQL 14+) as {@link PgMultirange}, over its range type's codec. Binary
 * (multirange_send) is an int32 range count, then each range as an int32 length and its range_send
 * bytes. Text is {@code {[1,3),[5,7)}}.
 */
public final class MultirangeCodec extends BaseCodec<PgMultirange<?>> {

  @SuppressWarnings("unchecked")
  private static final Class<PgMultirange<?>> MULTIRANGE =
      (Class<PgMultirange<?>>) (Class<?>) PgMultirange.class;

  private final RangeCodec range;

  /** A codec for the multirange type {@code oid} named {@code typeName} over its range's codec. */
  MultirangeCodec(int oid, String typeName, RangeCodec range) {
    super(oid, typeName, MULTIRANGE, range.hasBinary());
    this.range = range;
  }

  /** The codec of the ranges. */
  RangeCodec range() {
    return range;
  }

  @Override
  public PgMultirange<?> decodeText(byte[] bytes, int offset, int length) {
    return RangeText.parseMultirange(bytes, offset, length, typeName(), range.element());
  }

  @Override
  public PgMultirange<?> decodeBinary(byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (length < 4) {
      throw DecodeErrors.badBinary(typeName(), "truncated");
    }
    int count = BigEndian.int32(bytes, offset);
    // Every range takes at least 5 bytes: a larger count is corrupt, not huge.
    if (count < 0 || count > (length - 4) / 5) {
      throw DecodeErrors.badBinary(typeName(), count + " ranges");
    }
    List<PgRange<Object>> ranges = new ArrayList<>(count);
    int position = offset + 4;
    for (int i = 0; i < count; i++) {
      int size = end - position >= 4 ? BigEndian.int32(bytes, position) : -1;
      if (size < 0 || size > end - position - 4) {
        throw DecodeErrors.badBinary(typeName(), "range length " + size);
      }
      @SuppressWarnings("unchecked") // bounds of any type: the element codec decides
      PgRange<Object> item = (PgRange<Object>) range.decodeBinary(bytes, position + 4, size);
      ranges.add(item);
      position += 4 + size;
    }
    if (position != end) {
      throw DecodeErrors.badBinary(typeName(), (end - position) + " bytes after the ranges");
    }
    return new PgMultirange<>(ranges);
  }

  @Override
  public void encodeBinary(PgMultirange<?> value, BinaryOutput out) {
    write(value, range::encodeBinary, out);
  }

  /** Writes {@code value} in multirange_send's form, each range with {@code range}. */
  public static void write(
      PgMultirange<?> value, BiConsumer<PgRange<?>, BinaryOutput> range, BinaryOutput out) {
    out.writeInt32(value.ranges().size());
    for (PgRange<?> item : value.ranges()) {
      int length = LengthPrefix.start(out);
      range.accept(item, out);
      LengthPrefix.finish(out, length);
    }
  }

  @Override
  public String encodeText(PgMultirange<?> value) {
    return value.toLiteral(bound -> ValueText.of(bound, range.element()));
  }
}
