package dev.tusk.internal.codec.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.builtin.TextCodecsTest;
import dev.tusk.internal.codec.builtin.Wire;
import dev.tusk.types.Oids;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterEncodersTest {

  private final CodecRegistry registry = CodecRegistry.defaults();

  private enum Mood {
    HAPPY,
    SAD
  }

  /** Writes a parameter and checks its length prefix; returns the value's bytes. */
  private byte[] write(ParameterEncoder encoder, Object value) {
    WriteBuffer out = new WriteBuffer();
    out.writeByte(0x55); // the Bind message before the value
    encoder.write(value, out);
    byte[] bytes = out.toByteArray();
    int length = BigEndian.int32(bytes, 1);
    assertEquals(bytes.length - 5, length);
    return Arrays.copyOfRange(bytes, 5, bytes.length);
  }

  /** Sends a value and reads it back the way the server would see it. */
  private Object sendAndDecode(Object value) {
    ParameterEncoder encoder = registry.encoderFor(value);
    byte[] bytes = write(encoder, value);
    return registry.decode(encoder.oid(), encoder.format(), bytes, 0, bytes.length);
  }

  static List<Arguments> binaryValues() {
    return List.of(
        Arguments.of(true, Oids.BOOL, true),
        Arguments.of((short) 7, Oids.INT2, (short) 7),
        Arguments.of(7, Oids.INT4, 7),
        Arguments.of(7L, Oids.INT8, 7L),
        Arguments.of(1.5f, Oids.FLOAT4, 1.5f),
        Arguments.of(Double.NaN, Oids.FLOAT8, Double.NaN),
        Arguments.of(new BigDecimal("-1.50"), Oids.NUMERIC, new BigDecimal("-1.50")),
        Arguments.of(BigInteger.TEN.pow(40), Oids.NUMERIC, new BigDecimal(BigInteger.TEN.pow(40))),
        Arguments.of(new UUID(1, 2), Oids.UUID, new UUID(1, 2)),
        Arguments.of(LocalDate.of(-43, 3, 15), Oids.DATE, LocalDate.of(-43, 3, 15)),
        Arguments.of(LocalTime.NOON, Oids.TIME, LocalTime.NOON),
        Arguments.of(
            OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHours(3)),
            Oids.TIMETZ,
            OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHours(3))),
        Arguments.of(LocalDateTime.MAX, Oids.TIMESTAMP, LocalDateTime.MAX),
        Arguments.of(
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
            Oids.TIMESTAMPTZ,
            OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 0, ZoneOffset.UTC)),
        Arguments.of(
            Instant.ofEpochSecond(0),
            Oids.TIMESTAMPTZ,
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
        Arguments.of(Instant.MIN, Oids.TIMESTAMPTZ, OffsetDateTime.MIN),
        Arguments.of(
            ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
            Oids.TIMESTAMPTZ,
            OffsetDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC)),
        Arguments.of(new PgInterval(1, 2, 3), Oids.INTERVAL, new PgInterval(1, 2, 3)),
        Arguments.of(Duration.ofHours(25), Oids.INTERVAL, new PgInterval(0, 0, 90_000_000_000L)),
        Arguments.of(List.of(1L, 2L), Oids.INT8_ARRAY, List.of(1L, 2L)),
        Arguments.of(
            Arrays.asList(LocalDate.MAX, null),
            Oids.DATE_ARRAY,
            Arrays.asList(LocalDate.MAX, null)),
        Arguments.of(new String[] {"a", null}, Oids.TEXT_ARRAY, Arrays.asList("a", null)),
        Arguments.of(new Integer[] {}, Oids.INT4_ARRAY, List.of()),
        Arguments.of(new Object[] {new UUID(0, 1)}, Oids.UUID_ARRAY, List.of(new UUID(0, 1))),
        Arguments.of(new int[] {1, -1}, Oids.INT4_ARRAY, List.of(1, -1)),
        Arguments.of(new long[] {Long.MIN_VALUE}, Oids.INT8_ARRAY, List.of(Long.MIN_VALUE)),
        Arguments.of(new short[] {3}, Oids.INT2_ARRAY, List.of((short) 3)),
        Arguments.of(new double[] {0.25}, Oids.FLOAT8_ARRAY, List.of(0.25)),
        Arguments.of(new float[] {}, Oids.FLOAT4_ARRAY, List.of()),
        Arguments.of(new boolean[] {true, false}, Oids.BOOL_ARRAY, List.of(true, false)));
  }

  @ParameterizedTest
  @MethodSource("binaryValues")
  void sendsInBinaryWithTheExactOid(Object value, int oid, Object decoded) {
    ParameterEncoder encoder = registry.encoderFor(value);
    assertEquals(oid, encoder.oid());
    assertEquals(1, encoder.format());
    assertEquals(decoded, sendAndDecode(value));
  }

  @Test
  void byteArraysAreBytea() {
    ParameterEncoder encoder = registry.encoderFor(new byte[] {1, 2});
    assertEquals(Oids.BYTEA, encoder.oid());
    assertArrayEquals(new byte[] {1, 2}, write(encoder, new byte[] {1, 2}));
  }

  @Test
  void stringsCharactersAndEnumsAreUntypedText() {
    for (Object value : List.of("h\u00e9", 'x', Mood.SAD)) {
      ParameterEncoder encoder = registry.encoderFor(value);
      assertEquals(Oids.UNSPECIFIED, encoder.oid());
      assertEquals(0, encoder.format());
    }
    assertEquals(
        "h\u00e9",
        new String(write(registry.encoderFor("h\u00e9"), "h\u00e9"), StandardCharsets.UTF_8));
    assertEquals(
        "SAD", new String(write(registry.encoderFor(Mood.SAD), Mood.SAD), StandardCharsets.UTF_8));
  }

  @Test
  void enumAndAllNullListsAreUntypedArrayLiterals() {
    for (Object value :
        List.of(
            List.of(Mood.HAPPY, Mood.SAD),
            new Mood[] {Mood.SAD},
            List.of(),
            Arrays.asList(null, null))) {
      ParameterEncoder encoder = registry.encoderFor(value);
      assertEquals(Oids.UNSPECIFIED, encoder.oid());
      assertEquals(0, encoder.format());
    }
    ParameterEncoder encoder = registry.encoderFor(List.of());
    assertEquals("{}", new String(write(encoder, List.of()), StandardCharsets.UTF_8));
    assertEquals(
        "{NULL,NULL}",
        new String(write(encoder, Arrays.asList(null, null)), StandardCharsets.UTF_8));
    assertEquals(
        "{HAPPY,NULL}",
        new String(write(encoder, Arrays.asList(Mood.HAPPY, null)), StandardCharsets.UTF_8));
  }

  @Test
  void listElementTypeComesFromTheFirstNonNullElement() {
    ParameterEncoder encoder = registry.encoderFor(Arrays.asList(null, "a"));
    assertEquals(Oids.TEXT_ARRAY, encoder.oid());
    assertSame(registry.encoderFor(new String[0]), encoder);
  }

  @Test
  void mixedListsAreProgrammingErrors() {
    List<Object> mixed = List.of(1, 2L);
    ParameterEncoder encoder = registry.encoderFor(mixed);
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> write(encoder, mixed));
    assertTrue(error.getMessage().contains("java.lang.Long"), error.getMessage());
  }

  @Test
  void nestedListsAndArraysAreMultiDimensionalArrays() {
    List<List<Integer>> nested = List.of(List.of(1), List.of(2));
    assertEquals(Oids.INT4_ARRAY, registry.encoderFor(nested).oid());
    assertEquals(Oids.INT8_ARRAY, registry.encoderFor(new long[][] {{1}}).oid());
    // ndim 2, no NULL, int4; (2, 1) (1, 1); then each element: length 4 and the value
    assertEquals(
        "00000002"
            + "00000000"
            + "00000017"
            + "00000002"
            + "00000001"
            + "00000001"
            + "00000001"
            + "00000004"
            + "00000001"
            + "00000004"
            + "00000002",
        Wire.hex(write(registry.encoderFor(nested), nested)));
  }

  @Test
  void nulInTextIsADataError() {
    DataError error =
        assertThrows(DataError.class, () -> write(registry.encoderFor("a\0b"), "a\0b"));
    assertTrue(error.getMessage().contains("NUL"), error.getMessage());
    String[] array = {"ok", "bad\0"};
    assertThrows(DataError.class, () -> write(registry.encoderFor(array), array));
    assertThrows(DataError.class, () -> write(registry.encoderFor('\0'), '\0'));
  }

  @Test
  void unsupportedJavaTypesAreProgrammingErrors() {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> registry.encoderFor(new StringBuilder("x")));
    assertTrue(
        error.getMessage().startsWith("cannot send a value of Java type java.lang.StringBuilder"),
        error.getMessage());
    assertTrue(error.getMessage().contains("supported: "), error.getMessage());
    assertThrows(ProgrammingError.class, () -> registry.encoderFor(List.of(new Object())));
  }

  @Test
  void valuesOutOfPostgresRangeAreDataErrors() {
    assertThrows(
        DataError.class,
        () -> write(registry.encoderFor(Instant.MAX.minusSeconds(1)), Instant.MAX.minusSeconds(1)));
  }

  @Property
  void stringArraysSurviveTheTrip(@ForAll("texts") List<String> value) {
    if (value.stream().anyMatch(Objects::nonNull)) {
      assertEquals(value, sendAndDecode(value));
    }
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return TextCodecsTest.strings().injectNull(0.2).list().ofMaxSize(6);
  }
}
