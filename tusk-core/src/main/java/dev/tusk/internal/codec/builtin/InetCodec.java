package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.InetText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgInet;
import java.util.Arrays;

/**
 * {@code inet} and {@code cidr} as {@link PgInet}. Binary (inet_send) is the family byte (2 for
 * IPv4, 3 for IPv6), the prefix length, an is-cidr byte, the address length (4 or 16) and the
 * address bytes. In text, inet omits a full-length prefix ({@code 1.2.3.4}) and cidr always shows
 * it ({@code 1.2.3.4/32}); see {@link InetText} for the address forms.
 */
public final class InetCodec extends BaseCodec<PgInet> {

  public static final InetCodec INET = new InetCodec(Oids.INET, "inet", false);
  static final InetCodec CIDR = new InetCodec(Oids.CIDR, "cidr", true);

  private static final int FAMILY_IPV4 = 2;
  private static final int FAMILY_IPV6 = 3;

  private final boolean cidr;

  private InetCodec(int oid, String typeName, boolean cidr) {
    super(oid, typeName, PgInet.class);
    this.cidr = cidr;
  }

  @Override
  public PgInet decodeText(byte[] bytes, int offset, int length) {
    InetText.Parsed parsed = InetText.parse(bytes, offset, length);
    if (parsed == null) {
      throw DecodeErrors.badText(typeName(), bytes, offset, length);
    }
    return new PgInet(parsed.address(), parsed.bits());
  }

  @Override
  public PgInet decodeBinary(byte[] bytes, int offset, int length) {
    if (length < 4) {
      throw DecodeErrors.badBinary(typeName(), "truncated");
    }
    int family = bytes[offset];
    int bits = bytes[offset + 1] & 0xFF;
    int size = bytes[offset + 3];
    int expected = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
    if (size != expected || length != 4 + size || bits > size * 8) {
      throw DecodeErrors.badBinary(
          typeName(), "family " + family + ", " + bits + " bits, " + size + " address bytes");
    }
    byte[] address = Arrays.copyOfRange(bytes, offset + 4, offset + 4 + size);
    return new PgInet(InetText.toAddress(address), bits);
  }

  @Override
  public void encodeBinary(PgInet value, BinaryOutput out) {
    byte[] address = value.address().getAddress();
    out.writeByte(address.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6)
        .writeByte(value.prefixLength())
        .writeByte(cidr ? 1 : 0)
        .writeByte(address.length)
        .writeBytes(address);
  }

  @Override
  public String encodeText(PgInet value) {
    String address = InetText.render(value.address());
    return cidr || !value.isHost() ? address + "/" + value.prefixLength() : address;
  }
}
