package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgLsn;
import java.nio.charset.StandardCharsets;

/** {@code pg_lsn} as {@link PgLsn}: a uint64 in binary, {@code 16/B374D848} in text. */
public final class LsnCodec extends BaseCodec<PgLsn> {

  public static final LsnCodec INSTANCE = new LsnCodec();

  private LsnCodec() {
    super(Oids.PG_LSN, "pg_lsn", PgLsn.class);
  }

  @Override
  public PgLsn decodeText(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    try {
      return PgLsn.parse(text);
    } catch (DataError e) {
      throw DecodeErrors.badText("pg_lsn", text);
    }
  }

  @Override
  public PgLsn decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("pg_lsn", 8, length);
    return new PgLsn(BigEndian.int64(bytes, offset));
  }

  @Override
  public void encodeBinary(PgLsn value, BinaryOutput out) {
    out.writeInt64(value.value());
  }

  @Override
  public String encodeText(PgLsn value) {
    return value.toString();
  }
}
