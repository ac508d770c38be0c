package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;

/** {@code oid}: an unsigned 32-bit number, read as a Long so that OIDs above 2^31 stay positive. */
final class OidCodec extends BaseCodec<Long> {

  static final OidCodec INSTANCE = new OidCodec();

  private static final long MAX = 0xFFFF_FFFFL;

  private OidCodec() {
    super(Oids.OID, "oid", Long.class);
  }

  @Override
  public Long decodeText(byte[] bytes, int offset, int length) {
    return IntegerCodecs.parse(bytes, offset, length, "oid", 0, MAX);
  }

  @Override
  public Long decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("oid", 4, length);
    return Integer.toUnsignedLong(BigEndian.int32(bytes, offset));
  }

  @Override
  public void encodeBinary(Long value, BinaryOutput out) {
    out.writeInt32((int) (long) requireInRange(value));
  }

  @Override
  public String encodeText(Long value) {
    return requireInRange(value).toString();
  }

  private static Long requireInRange(Long value) {
    if (value < 0 || value > MAX) {
      throw new DataError("value " + value + " is out of range for type oid (0 to " + MAX + ")");
    }
    return value;
  }
}
