package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgBitString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code bit} and {@code varbit} as {@link PgBitString}. Binary (bit_send) is the int32 bit count,
 * then the bits packed most significant first, padded with zeros to a whole byte; text is one
 * {@code 0} or {@code 1} per bit.
 */
public final class BitStringCodec extends BaseCodec<PgBitString> {

  static final BitStringCodec BIT = new BitStringCodec(Oids.BIT, "bit");
  public static final BitStringCodec VARBIT = new BitStringCodec(Oids.VARBIT, "varbit");

  private BitStringCodec(int oid, String typeName) {
    super(oid, typeName, PgBitString.class);
  }

  @Override
  public PgBitString decodeText(byte[] bytes, int offset, int length) {
    try {
      return PgBitString.parse(new String(bytes, offset, length, StandardCharsets.UTF_8));
    } catch (DataError e) {
      throw DecodeErrors.badText(typeName(), bytes, offset, length);
    }
  }

  @Override
  public PgBitString decodeBinary(byte[] bytes, int offset, int length) {
    if (length < 4) {
      throw DecodeErrors.badBinary(typeName(), "truncated");
    }
    int bits = BigEndian.int32(bytes, offset);
    if (bits < 0 || (bits + 7L) / 8 != length - 4) {
      throw DecodeErrors.badBinary(typeName(), bits + " bits in " + (length - 4) + " bytes");
    }
    try {
      return PgBitString.fromPacked(bits, Arrays.copyOfRange(bytes, offset + 4, offset + length));
    } catch (DataError e) {
      throw DecodeErrors.badBinary(typeName(), e.getMessage());
    }
  }

  @Override
  public void encodeBinary(PgBitString value, BinaryOutput out) {
    out.writeInt32(value.length()).writeBytes(value.toPacked());
  }

  @Override
  public String encodeText(PgBitString value) {
    return value.toString();
  }
}
