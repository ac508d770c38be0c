package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.IntervalText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgInterval;

/**
 * {@code interval} as {@link PgInterval}. Binary (interval_send) is int64 microseconds, int32 days,
 * int32 months; text is the {@code postgres} IntervalStyle (see {@link IntervalText}).
 */
public final class IntervalCodec extends BaseCodec<PgInterval> {

  public static final IntervalCodec INSTANCE = new IntervalCodec();

  private IntervalCodec() {
    super(Oids.INTERVAL, "interval", PgInterval.class);
  }

  @Override
  public PgInterval decodeText(byte[] bytes, int offset, int length) {
    return IntervalText.parse(bytes, offset, length);
  }

  @Override
  public PgInterval decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("interval", 16, length);
    return new PgInterval(
        BigEndian.int32(bytes, offset + 12),
        BigEndian.int32(bytes, offset + 8),
        BigEndian.int64(bytes, offset));
  }

  @Override
  public void encodeBinary(PgInterval value, BinaryOutput out) {
    out.writeInt64(value.microseconds()).writeInt32(value.days()).writeInt32(value.months());
  }

  @Override
  public String encodeText(PgInterval value) {
    return IntervalText.render(value);
  }
}
