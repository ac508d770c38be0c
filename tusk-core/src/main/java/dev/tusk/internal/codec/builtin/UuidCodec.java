package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.util.UUID;

/**
 * {@code uuid}: 16 bytes, most significant first, in binary; 32 hex digits in text, which the
 * server writes as {@code 8-4-4-4-12} in lowercase. Parsing reads the bytes in place.
 */
public final class UuidCodec extends BaseCodec<UUID> {

  public static final UuidCodec INSTANCE = new UuidCodec();

  private UuidCodec() {
    super(Oids.UUID, "uuid", UUID.class);
  }

  /** Accepts what uuid_in accepts: hyphens anywhere between digits, optional braces. */
  @Override
  public UUID decodeText(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean braced = length > 0 && bytes[i] == '{';
    if (braced) {
      if (bytes[end - 1] != '}') {
        throw DecodeErrors.badText("uuid", bytes, offset, length);
      }
      i++;
      end--;
    }
    long high = 0;
    long low = 0;
    int digits = 0;
    for (; i < end; i++) {
      int nibble = Character.digit(bytes[i], 16);
      if (nibble >= 0 && digits < 32) {
        if (digits < 16) {
          high = high << 4 | nibble;
        } else {
          low = low << 4 | nibble;
        }
        digits++;
      } else if (bytes[i] != '-' || digits == 0 || digits == 32) {
        throw DecodeErrors.badText("uuid", bytes, offset, length);
      }
    }
    if (digits != 32) {
      throw DecodeErrors.badText("uuid", bytes, offset, length);
    }
    return new UUID(high, low);
  }

  @Override
  public UUID decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("uuid", 16, length);
    return new UUID(BigEndian.int64(bytes, offset), BigEndian.int64(bytes, offset + 8));
  }

  @Override
  public void encodeBinary(UUID value, BinaryOutput out) {
    out.writeInt64(value.getMostSignificantBits()).writeInt64(value.getLeastSignificantBits());
  }

  @Override
  public String encodeText(UUID value) {
    return value.toString();
  }
}
