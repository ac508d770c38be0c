package dev.tusk.internal.codec.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.builtin.BooleanCodec;
import dev.tusk.internal.codec.builtin.ByteaCodec;
import dev.tusk.internal.codec.builtin.FloatCodecs;
import dev.tusk.internal.codec.builtin.IntegerCodecs;
import dev.tusk.internal.codec.builtin.NumericCodec;
import dev.tusk.internal.codec.builtin.TimestampCodecs;
import dev.tusk.internal.codec.builtin.UuidCodec;
import dev.tusk.internal.codec.builtin.Wire;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ConversionsTest {

  private final CodecRegistry registry = CodecRegistry.defaults();

  private <R> R fromText(int oid, String text, Class<R> target) {
    byte[] bytes = Wire.padded(text.getBytes(StandardCharsets.UTF_8));
    return registry.decode(oid, 0, bytes, Wire.offset(), bytes.length - 2 * Wire.offset(), target);
  }

  private <T, R> R fromBinary(Codec<T> codec, T value, Class<R> target) {
    WriteBuffer out = new WriteBuffer();
    codec.encodeBinary(value, out);
    byte[] bytes = Wire.padded(out.toByteArray());
    return registry.decode(codec.oid(), 1, bytes, Wire.offset(), out.size(), target);
  }

  @Test
  void defaultTypeAndSupertypesAreReturnedAsDecoded() {
    assertEquals(5, fromText(Oids.INT4, "5", Integer.class));
    assertEquals(5, fromText(Oids.INT4, "5", int.class));
    assertEquals(5, fromText(Oids.INT4, "5", Number.class));
    assertEquals(5, fromText(Oids.INT4, "5", Object.class));
  }

  @Test
  void integersWidenAndNarrowWithinRange() {
    assertEquals(5L, fromText(Oids.INT4, "5", Long.class));
    assertEquals(5L, fromText(Oids.INT2, "5", long.class));
    assertEquals((short) -7, fromText(Oids.INT8, "-7", Short.class));
    assertEquals(7, fromBinary(IntegerCodecs.INT8, 7L, Integer.class));
    assertEquals(BigInteger.valueOf(-9), fromText(Oids.INT8, "-9", BigInteger.class));
    assertEquals(new BigDecimal("12"), fromText(Oids.INT2, "12", BigDecimal.class));
    assertEquals(9007199254740992.0, fromText(Oids.INT8, "9007199254740992", Double.class));
    assertEquals(4294967295L, fromText(Oids.OID, "4294967295", Long.class));
  }

  @Test
  void integersOutOfRangeNameValueAndTarget() {
    DataError error =
        assertThrows(DataError.class, () -> fromText(Oids.INT4, "40000", Short.class));
    assertTrue(error.getMessage().contains("40000"), error.getMessage());
    assertTrue(error.getMessage().contains("java.lang.Short"), error.getMessage());
    assertTrue(error.getMessage().contains("int4"), error.getMessage());
    assertThrows(DataError.class, () -> fromText(Oids.INT8, "9007199254740993", Double.class));
    assertThrows(DataError.class, () -> fromText(Oids.INT8, "9223372036854775807", Double.class));
    assertThrows(DataError.class, () -> fromText(Oids.OID, "4294967295", Integer.class));
  }

  @Test
  void numericConvertsOnlyExactly() {
    assertEquals(0.1, fromText(Oids.NUMERIC, "0.1", Double.class));
    assertEquals(0.1f, fromText(Oids.NUMERIC, "0.1", Float.class));
    assertEquals(12L, fromText(Oids.NUMERIC, "12.000", Long.class));
    assertEquals(12, fromText(Oids.NUMERIC, "12", int.class));
    assertEquals(
        BigInteger.TEN.pow(30), fromText(Oids.NUMERIC, "1" + "0".repeat(30), BigInteger.class));
    DataError fraction =
        assertThrows(DataError.class, () -> fromText(Oids.NUMERIC, "1.5", Long.class));
    assertTrue(fraction.getMessage().contains("1.5"), fraction.getMessage());
    assertTrue(fraction.getMessage().contains("java.lang.Long"), fraction.getMessage());
    assertThrows(
        DataError.class, () -> fromText(Oids.NUMERIC, "0.1000000000000000000001", Double.class));
    assertThrows(DataError.class, () -> fromText(Oids.NUMERIC, "1e400", Double.class));
    assertThrows(DataError.class, () -> fromText(Oids.NUMERIC, "3000000000", Integer.class));
  }

  @Test
  void numericSpecialValuesReadAsDouble() {
    assertEquals(Double.NaN, fromText(Oids.NUMERIC, "NaN", Double.class));
    assertEquals(Double.NEGATIVE_INFINITY, fromText(Oids.NUMERIC, "-Infinity", double.class));
    byte[] infinity = Wire.hex("0000 0000 d000 0000");
    assertEquals(
        Double.POSITIVE_INFINITY,
        registry.decode(Oids.NUMERIC, 1, infinity, 0, infinity.length, Double.class));
    assertEquals("Infinity", registry.decode(Oids.NUMERIC, 1, infinity, 0, 8, String.class));
    DataError error =
        assertThrows(DataError.class, () -> fromText(Oids.NUMERIC, "NaN", BigDecimal.class));
    assertTrue(error.getMessage().contains("Double"), error.getMessage());
    assertThrows(DataError.class, () -> fromText(Oids.NUMERIC, "NaN", Long.class));
    assertEquals(Double.NaN, fromText(Oids.NUMERIC, "NaN", Object.class));
    assertEquals(Double.NaN, fromText(Oids.NUMERIC, "NaN", Number.class));
  }

  @Test
  void floatsConvertExactly() {
    assertEquals(1.5, fromBinary(FloatCodecs.FLOAT4, 1.5f, Double.class));
    assertEquals(1.5f, fromBinary(FloatCodecs.FLOAT8, 1.5, Float.class));
    assertEquals(Float.NaN, fromBinary(FloatCodecs.FLOAT8, Double.NaN, Float.class));
    assertEquals(new BigDecimal("0.1"), fromBinary(FloatCodecs.FLOAT8, 0.1, BigDecimal.class));
    assertEquals(new BigDecimal("0.1"), fromBinary(FloatCodecs.FLOAT4, 0.1f, BigDecimal.class));
    assertThrows(DataError.class, () -> fromBinary(FloatCodecs.FLOAT8, 0.1, Float.class));
    assertThrows(
        DataError.class, () -> fromBinary(FloatCodecs.FLOAT8, Double.NaN, BigDecimal.class));
  }

  @Test
  void timestamptzReadsAsInstantAndZonedDateTime() {
    OffsetDateTime value = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC);
    assertEquals(value.toInstant(), fromBinary(TimestampCodecs.TIMESTAMPTZ, value, Instant.class));
    assertEquals(
        value.atZoneSameInstant(ZoneOffset.UTC),
        fromBinary(TimestampCodecs.TIMESTAMPTZ, value, ZonedDateTime.class));
    assertEquals(Instant.MAX, fromText(Oids.TIMESTAMPTZ, "infinity", Instant.class));
    assertEquals(Instant.MIN, fromText(Oids.TIMESTAMPTZ, "-infinity", Instant.class));
    assertEquals(
        ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC),
        fromText(Oids.TIMESTAMPTZ, "infinity", ZonedDateTime.class));
  }

  @Test
  void anythingReadsAsText() {
    assertEquals("t", fromBinary(BooleanCodec.INSTANCE, true, String.class));
    assertEquals("-12", fromBinary(IntegerCodecs.INT8, -12L, String.class));
    assertEquals("1e+20", fromBinary(FloatCodecs.FLOAT8, 1e20, String.class));
    assertEquals("1.50", fromBinary(NumericCodec.INSTANCE, new BigDecimal("1.50"), String.class));
    UUID uuid = UUID.randomUUID();
    assertEquals(uuid.toString(), fromBinary(UuidCodec.INSTANCE, uuid, String.class));
    assertEquals("\\x01ff", fromBinary(ByteaCodec.INSTANCE, new byte[] {1, -1}, String.class));
    assertEquals(
        "2024-01-02 03:04:05+00",
        fromBinary(
            TimestampCodecs.TIMESTAMPTZ,
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
            String.class));
    assertEquals(
        "2024-01-02 03:04:05+01",
        fromText(Oids.TIMESTAMPTZ, "2024-01-02 03:04:05+01", String.class));
  }

  @Test
  void unrelatedTypesAreProgrammingErrorsNamingBothTypes() {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> fromText(Oids.INT4, "1", Instant.class));
    assertEquals("cannot read a value of type int4 as java.time.Instant", error.getMessage());
    assertThrows(ProgrammingError.class, () -> fromText(Oids.TIMESTAMP, "infinity", Instant.class));
    assertThrows(ProgrammingError.class, () -> fromText(Oids.BOOL, "t", Integer.class));
    ProgrammingError array =
        assertThrows(ProgrammingError.class, () -> fromText(Oids.INT4_ARRAY, "{1}", UUID[].class));
    assertTrue(array.getMessage().contains("int4"), array.getMessage());
  }

  @Test
  void primitiveArraysRejectNullElements() {
    DataError error =
        assertThrows(DataError.class, () -> fromText(Oids.INT8_ARRAY, "{1,NULL}", long[].class));
    assertTrue(error.getMessage().contains("NULL"), error.getMessage());
    assertArrayEquals(new Long[] {1L, null}, fromText(Oids.INT8_ARRAY, "{1,NULL}", Long[].class));
    assertThrows(DataError.class, () -> fromText(Oids.INT4_ARRAY, "{{1},{2}}", int[].class));
  }

  @Test
  void arraysConvertEachElement() {
    assertArrayEquals(
        new double[] {1.5, Double.NaN}, fromText(Oids.NUMERIC_ARRAY, "{1.5,NaN}", double[].class));
    assertArrayEquals(
        new boolean[] {true, false}, fromText(Oids.BOOL_ARRAY, "{t,f}", boolean[].class));
    assertArrayEquals(new short[] {1, 2}, fromText(Oids.INT2_ARRAY, "{1,2}", short[].class));
    assertArrayEquals(new float[] {0.5f}, fromText(Oids.FLOAT4_ARRAY, "{0.5}", float[].class));
    assertArrayEquals(
        new String[] {"a", null}, fromText(Oids.TEXT_ARRAY, "{a,NULL}", String[].class));
    assertArrayEquals(new String[] {"1", "2"}, fromText(Oids.INT4_ARRAY, "{1,2}", String[].class));
    assertThrows(DataError.class, () -> fromText(Oids.INT8_ARRAY, "{3000000000}", int[].class));
  }

  @Property
  void integerConversionsAgreeWithJava(@ForAll long value) {
    byte[] text = Long.toString(value).getBytes(StandardCharsets.UTF_8);
    assertEquals(
        BigDecimal.valueOf(value),
        registry.decode(Oids.INT8, 0, text, 0, text.length, BigDecimal.class));
    if (value == (int) value) {
      assertEquals((int) value, registry.decode(Oids.INT8, 0, text, 0, text.length, Integer.class));
    } else {
      assertThrows(
          DataError.class,
          () -> registry.decode(Oids.INT8, 0, text, 0, text.length, Integer.class));
    }
  }
}
