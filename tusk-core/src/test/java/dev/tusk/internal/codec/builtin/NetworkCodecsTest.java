package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.text.InetText;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgMacAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkCodecsTest {

  @Test
  void inetBinaryIsFamilyBitsCidrFlagSizeAndAddress() {
    PgInet value = new PgInet(address("c0a80001"), 24);
    assertEquals("02180004c0a80001", hex(binary(InetCodec.INET, value)));
    assertEquals("02180104c0a80001", hex(binary(InetCodec.CIDR, value)));
    assertEquals(value, decodeBinary(InetCodec.INET, hex("02180004c0a80001")));
    PgInet v6 = PgInet.of(address("00000000000000000000ffff01020304"));
    assertEquals("03800010" + "00000000000000000000ffff01020304", hex(binary(InetCodec.INET, v6)));
    PgInet decoded =
        decodeBinary(InetCodec.INET, hex("03800010" + "00000000000000000000ffff01020304"));
    assertInstanceOf(Inet6Address.class, decoded.address());
    assertEquals(v6, decoded);
  }

  /** Renderings checked against PostgreSQL's inet_out. */
  @ParameterizedTest
  @CsvSource({
    "c0a80001, 32, 192.168.0.1",
    "0a000000, 8, 10.0.0.0/8",
    "00000000, 0, 0.0.0.0/0",
    "00000000000000000000000000000002, 128, ::2",
    "00000000000000000000000000000001, 128, ::1",
    "00000000000000000000000000000000, 128, ::",
    "00000000000000000000000000000000, 0, ::/0",
    "00010000000000000000000000000000, 128, 1::",
    "00010000000000010000000000000001, 128, 1:0:0:1::1",
    "00010000000000010000000000010001, 128, 1::1:0:0:1:1",
    "00000000000000000000000001020304, 128, ::1.2.3.4",
    "00000000000000000000ffff00000000, 128, ::ffff:0.0.0.0",
    "00000000000000000000ffff01020304, 128, ::ffff:1.2.3.4",
    "00000000000000000000000000000102, 128, ::102",
    "00000000000000000000000000010000, 128, ::0.1.0.0",
    "00000000000000000001ffff00010002, 128, ::1:ffff:1:2",
    "abcd0000000000000000000000000001, 64, abcd::1/64",
    "00000001000200030004000500060007, 128, 0:1:2:3:4:5:6:7"
  })
  void inetTextIsTheServersForm(String bytes, int bits, String text) {
    PgInet value = new PgInet(address(bytes), bits);
    assertEquals(text, InetCodec.INET.encodeText(value));
    assertEquals(value, decodeText(InetCodec.INET, text));
  }

  @Test
  void cidrTextAlwaysShowsThePrefix() {
    PgInet host = PgInet.of(address("01020304"));
    assertEquals("1.2.3.4/32", InetCodec.CIDR.encodeText(host));
    assertEquals(host, decodeText(InetCodec.CIDR, "1.2.3.4/32"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.4/33",
        "::/129",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "g::1",
        "1.2.3.4/",
        "-1.2.3.4",
        "localhost",
        "1:2:3:4:5:6:7:1.2.3.4"
      })
  void malformedInetTextIsADataError(String text) {
    assertThrows(DataError.class, () -> decodeText(InetCodec.INET, text));
  }

  @Test
  void badInetBinaryIsADataError() {
    assertThrows(DataError.class, () -> decodeBinary(InetCodec.INET, hex("02200004c0a800")));
    assertThrows(DataError.class, () -> decodeBinary(InetCodec.INET, hex("022100040a000001")));
    assertThrows(DataError.class, () -> decodeBinary(InetCodec.INET, hex("04200004c0a80001")));
  }

  @Test
  void prefixLengthIsCheckedAgainstTheFamily() {
    assertThrows(DataError.class, () -> new PgInet(address("01020304"), 33));
    assertThrows(DataError.class, () -> new PgInet(address("01020304"), -1));
    assertEquals(128, PgInet.of(address("00000000000000000000000000000001")).prefixLength());
  }

  @Property(tries = 500)
  void inetRoundTripsInBothFormats(
      @ForAll("addresses") byte[] bytes, @ForAll @IntRange(max = 128) int bits) {
    PgInet value = new PgInet(InetText.toAddress(bytes), Math.min(bits, bytes.length * 8));
    assertEquals(value, Wire.textRoundTrip(InetCodec.INET, value));
    assertEquals(value, Wire.binaryRoundTrip(InetCodec.INET, value));
    assertEquals(value, Wire.textRoundTrip(InetCodec.CIDR, value));
    // Java's full form parses to the same address.
    String javaForm = value.address().getHostAddress();
    assertEquals(value.address(), decodeText(InetCodec.INET, javaForm).address());
  }

  @Test
  void macAddressesAreTheirBytes() {
    PgMacAddress six = PgMacAddress.parse("08:00:2b:01:02:03");
    assertEquals("08002b010203", hex(binary(MacAddressCodec.MACADDR, six)));
    assertEquals(six, decodeBinary(MacAddressCodec.MACADDR, hex("08002b010203")));
    assertEquals("08:00:2b:01:02:03", MacAddressCodec.MACADDR.encodeText(six));
    PgMacAddress eight = decodeText(MacAddressCodec.MACADDR8, "08:00:2b:ff:fe:01:02:03");
    assertEquals("08002bfffe010203", hex(eight.bytes()));
    assertEquals(eight, decodeBinary(MacAddressCodec.MACADDR8, hex("08002bfffe010203")));
    assertThrows(DataError.class, () -> binary(MacAddressCodec.MACADDR, eight));
    assertThrows(DataError.class, () -> decodeText(MacAddressCodec.MACADDR, "08:00:2b:01:02"));
    assertThrows(DataError.class, () -> decodeBinary(MacAddressCodec.MACADDR8, hex("0800")));
    assertThrows(DataError.class, () -> PgMacAddress.of(new byte[7]));
  }

  @Property(tries = 200)
  void macAddressRoundTrips(@ForAll("macs") byte[] bytes) {
    PgMacAddress value = PgMacAddress.of(bytes);
    MacAddressCodec codec = bytes.length == 6 ? MacAddressCodec.MACADDR : MacAddressCodec.MACADDR8;
    assertEquals(value, Wire.textRoundTrip(codec, value));
    assertEquals(value, Wire.binaryRoundTrip(codec, value));
    assertEquals(value, PgMacAddress.parse(value.toString()));
  }

  @Provide
  Arbitrary<byte[]> addresses() {
    Arbitrary<byte[]> ipv4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
    Arbitrary<byte[]> ipv6 =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.just((byte) 0xFF)),
                Tuple.of(2, Arbitraries.bytes()))
            .array(byte[].class)
            .ofSize(16);
    return Arbitraries.oneOf(ipv4, ipv6);
  }

  @Provide
  Arbitrary<byte[]> macs() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofSize(6),
        Arbitraries.bytes().array(byte[].class).ofSize(8));
  }

  private static InetAddress address(String hexBytes) {
    byte[] bytes = hex(hexBytes);
    try {
      return bytes.length == 4
          ? InetAddress.getByAddress(bytes)
          : Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
