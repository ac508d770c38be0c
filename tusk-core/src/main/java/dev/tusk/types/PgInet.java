package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A PostgreSQL {@code inet} or {@code cidr} value: an IPv4 or IPv6 address and a prefix length (the
 * netmask), 0 to 32 for IPv4 and 0 to 128 for IPv6. A host address has the full length.
 *
 * <p>An IPv4-mapped IPv6 address such as {@code ::ffff:1.2.3.4} stays an {@link
 * java.net.Inet6Address}, as PostgreSQL keeps it IPv6; create such addresses with {@link
 * java.net.Inet6Address#getByAddress(String, byte[], int)}, since {@link
 * InetAddress#getByAddress(byte[])} turns them into IPv4 addresses.
 *
 * @param address the address; for {@code cidr} its bits beyond the prefix are zero
 * @param prefixLength the number of network bits
 */
public record PgInet(InetAddress address, int prefixLength) {

  /**
   * Checks the prefix length against the address family.
   *
   * @throws DataError if the prefix length is out of range for the address
   */
  public PgInet {
    if (address == null) {
      throw new DataError("an inet value needs an address");
    }
    int max = maxPrefixLength(address);
    if (prefixLength < 0 || prefixLength > max) {
      throw new DataError(
          "prefix length "
              + prefixLength
              + " is out of range for "
              + address
              + " (0 to "
              + max
              + ")");
    }
  }

  /** A host address: the address with the full prefix length (32 or 128). */
  public static PgInet of(InetAddress address) {
    return new PgInet(address, maxPrefixLength(address));
  }

  /** Whether the prefix length is the full length of the address, as for a single host. */
  public boolean isHost() {
    return prefixLength == maxPrefixLength(address);
  }

  /** 32 for IPv4, 128 for IPv6. */
  public static int maxPrefixLength(InetAddress address) {
    return address instanceof Inet4Address ? 32 : 128;
  }
}
