package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DateTimeText;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.PgEpoch;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.time.LocalDate;

/**
 * {@code date}: int32 days since 2000-01-01 in binary, {@code YYYY-MM-DD[ BC]} in text. {@code
 * infinity} and {@code -infinity} are {@link LocalDate#MAX} and {@link LocalDate#MIN}, both ways;
 * see {@link PgEpoch} for the range.
 */
public final class DateCodec extends BaseCodec<LocalDate> {

  public static final DateCodec INSTANCE = new DateCodec();

  private DateCodec() {
    super(Oids.DATE, "date", LocalDate.class);
  }

  @Override
  public LocalDate decodeText(byte[] bytes, int offset, int length) {
    return PgEpoch.toLocalDate(DateTimeText.parseDate(bytes, offset, length));
  }

  @Override
  public LocalDate decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("date", 4, length);
    return PgEpoch.toLocalDate(BigEndian.int32(bytes, offset));
  }

  @Override
  public void encodeBinary(LocalDate value, BinaryOutput out) {
    out.writeInt32(PgEpoch.days(value));
  }

  @Override
  public String encodeText(LocalDate value) {
    return DateTimeText.date(PgEpoch.days(value));
  }
}
