package dev.tusk.internal.codec.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.types.Oids;
import dev.tusk.types.PgBitString;
import dev.tusk.types.PgCircle;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgLsn;
import dev.tusk.types.PgMacAddress;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the new built-in types' Java values are sent as parameters, and what the server sees. */
class BuiltinTypeParametersTest {

  private final CodecRegistry registry = CodecRegistry.defaults();

  static Stream<Arguments> values() throws Exception {
    InetAddress localhost = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    return Stream.of(
        Arguments.of(PgInet.of(localhost), Oids.INET, Oids.INET_ARRAY, PgInet.of(localhost)),
        Arguments.of(localhost, Oids.INET, Oids.INET_ARRAY, PgInet.of(localhost)),
        Arguments.of(
            PgMacAddress.parse("08:00:2b:01:02:03"),
            Oids.MACADDR,
            Oids.MACADDR_ARRAY,
            PgMacAddress.parse("08:00:2b:01:02:03")),
        Arguments.of(
            PgMacAddress.parse("08:00:2b:01:02:03:04:05"),
            Oids.MACADDR8,
            Oids.MACADDR8_ARRAY,
            PgMacAddress.parse("08:00:2b:01:02:03:04:05")),
        Arguments.of(new PgPoint(1, 2), Oids.POINT, Oids.POINT_ARRAY, new PgPoint(1, 2)),
        Arguments.of(
            new PgCircle(new PgPoint(1, 2), 3),
            Oids.CIRCLE,
            Oids.CIRCLE_ARRAY,
            new PgCircle(new PgPoint(1, 2), 3)),
        Arguments.of(
            PgBitString.parse("101"), Oids.VARBIT, Oids.VARBIT_ARRAY, PgBitString.parse("101")),
        Arguments.of(new PgLsn(42), Oids.PG_LSN, Oids.PG_LSN_ARRAY, new PgLsn(42)),
        Arguments.of(
            PgRange.closedOpen(1, 2),
            Oids.INT4RANGE,
            Oids.INT4RANGE_ARRAY,
            PgRange.closedOpen(1, 2)),
        Arguments.of(
            PgRange.of(null, 2L, false, false),
            Oids.INT8RANGE,
            Oids.INT8RANGE_ARRAY,
            PgRange.of(null, 2L, false, false)),
        Arguments.of(
            PgRange.closed(BigDecimal.ONE, null),
            Oids.NUMRANGE,
            Oids.NUMRANGE_ARRAY,
            PgRange.closed(BigDecimal.ONE, null)),
        Arguments.of(
            PgRange.closedOpen(LocalDate.EPOCH, null),
            Oids.DATERANGE,
            Oids.DATERANGE_ARRAY,
            PgRange.closedOpen(LocalDate.EPOCH, null)),
        Arguments.of(
            PgRange.closedOpen(LocalDateTime.of(2020, 1, 1, 0, 0), null),
            Oids.TSRANGE,
            Oids.TSRANGE_ARRAY,
            PgRange.closedOpen(LocalDateTime.of(2020, 1, 1, 0, 0), null)),
        Arguments.of(
            PgRange.closedOpen(Instant.EPOCH, null),
            Oids.TSTZRANGE,
            Oids.TSTZRANGE_ARRAY,
            PgRange.closedOpen(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null)),
        Arguments.of(
            PgMultirange.of(PgRange.<Integer>empty(), PgRange.closedOpen(1, 2)),
            Oids.INT4MULTIRANGE,
            Oids.INT4MULTIRANGE_ARRAY,
            PgMultirange.of(PgRange.<Integer>empty(), PgRange.closedOpen(1, 2))));
  }

  @ParameterizedTest
  @MethodSource("values")
  void sentInBinaryWithTheTypesOid(Object value, int oid, int arrayOid, Object decoded) {
    ParameterEncoder encoder = registry.encoderFor(value);
    assertEquals(oid, encoder.oid());
    assertEquals(1, encoder.format());
    assertEquals(
        decoded, registry.decode(oid, 1, bytes(encoder, value), 0, bytes(encoder, value).length));
    List<Object> list = Arrays.asList(value, null);
    ParameterEncoder arrayEncoder = registry.encoderFor(list);
    assertEquals(arrayOid, arrayEncoder.oid());
    byte[] array = bytes(arrayEncoder, list);
    assertEquals(
        Arrays.asList(decoded, null), registry.decode(arrayOid, 1, array, 0, array.length));
  }

  @Test
  void rangesWithoutBoundsGoAsTextForTheServerToType() {
    for (Object value :
        List.of(
            PgRange.empty(),
            PgRange.unbounded(),
            PgMultirange.of(),
            PgMultirange.of(PgRange.empty()))) {
      ParameterEncoder encoder = registry.encoderFor(value);
      assertEquals(Oids.UNSPECIFIED, encoder.oid());
      assertEquals(0, encoder.format());
      assertEquals(value.toString(), new String(bytes(encoder, value), StandardCharsets.UTF_8));
    }
    ParameterEncoder list = registry.encoderFor(List.of(PgRange.empty(), PgRange.unbounded()));
    assertEquals(Oids.UNSPECIFIED, list.oid());
    assertEquals(
        "{empty,\"(,)\"}",
        new String(
            bytes(list, List.of(PgRange.empty(), PgRange.unbounded())), StandardCharsets.UTF_8));
    ParameterEncoder typed = registry.encoderFor(List.of(PgRange.empty(), PgRange.closed(1L, 2L)));
    assertEquals(Oids.INT8RANGE_ARRAY, typed.oid());
  }

  @Test
  void unsupportedBoundsAndMixedValuesAreErrors() {
    ProgrammingError bounds =
        assertThrows(ProgrammingError.class, () -> registry.encoderFor(PgRange.closed("a", "b")));
    assertTrue(bounds.getMessage().contains("java.lang.String"), bounds.getMessage());
    ParameterEncoder int4 = registry.encoderFor(PgRange.closed(1, 2));
    assertThrows(ProgrammingError.class, () -> bytes(int4, PgRange.closed(1L, 2L)));
    ParameterEncoder macaddr = registry.encoderFor(PgMacAddress.parse("08:00:2b:01:02:03"));
    assertThrows(
        DataError.class, () -> bytes(macaddr, PgMacAddress.parse("08:00:2b:01:02:03:04:05")));
    assertThrows(ProgrammingError.class, () -> registry.encoderFor(new java.util.BitSet()));
  }

  private static byte[] bytes(ParameterEncoder encoder, Object value) {
    WriteBuffer out = new WriteBuffer();
    encoder.write(value, out);
    byte[] bytes = out.toByteArray();
    return Arrays.copyOfRange(bytes, 4, bytes.length);
  }
}
