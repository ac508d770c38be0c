package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgMacAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code macaddr} (6 bytes) and {@code macaddr8} (8 bytes) as {@link PgMacAddress}: the bytes in
 * binary, colon-separated lowercase hex in text.
 */
public final class MacAddressCodec extends BaseCodec<PgMacAddress> {

  public static final MacAddressCodec MACADDR = new MacAddressCodec(Oids.MACADDR, "macaddr", 6);
  public static final MacAddressCodec MACADDR8 = new MacAddressCodec(Oids.MACADDR8, "macaddr8", 8);

  private final int size;

  private MacAddressCodec(int oid, String typeName, int size) {
    super(oid, typeName, PgMacAddress.class);
    this.size = size;
  }

  @Override
  public PgMacAddress decodeText(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    if (text.length() != 3 * size - 1) {
      throw DecodeErrors.badText(typeName(), text);
    }
    try {
      return PgMacAddress.parse(text);
    } catch (DataError e) {
      throw DecodeErrors.badText(typeName(), text);
    }
  }

  @Override
  public PgMacAddress decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength(typeName(), size, length);
    return PgMacAddress.of(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  @Override
  public void encodeBinary(PgMacAddress value, BinaryOutput out) {
    out.writeBytes(requireSize(value).bytes());
  }

  @Override
  public String encodeText(PgMacAddress value) {
    return requireSize(value).toString();
  }

  private PgMacAddress requireSize(PgMacAddress value) {
    if (value.length() != size) {
      throw new DataError(
          "a " + typeName() + " has " + size + " bytes; got " + value.length() + ": " + value);
    }
    return value;
  }
}
