package dev.tusk.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.Wire;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgInterval;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

  private final CodecRegistry registry = CodecRegistry.defaults();

  /** Every built-in: OID, name and default Java type, double-checked against pg_type.dat. */
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(16, "bool"),
          Map.entry(17, "bytea"),
          Map.entry(18, "char"),
          Map.entry(19, "name"),
          Map.entry(20, "int8"),
          Map.entry(21, "int2"),
          Map.entry(23, "int4"),
          Map.entry(25, "text"),
          Map.entry(26, "oid"),
          Map.entry(114, "json"),
          Map.entry(700, "float4"),
          Map.entry(701, "float8"),
          Map.entry(705, "unknown"),
          Map.entry(1042, "bpchar"),
          Map.entry(1043, "varchar"),
          Map.entry(1082, "date"),
          Map.entry(1083, "time"),
          Map.entry(1114, "timestamp"),
          Map.entry(1184, "timestamptz"),
          Map.entry(1186, "interval"),
          Map.entry(1266, "timetz"),
          Map.entry(1700, "numeric"),
          Map.entry(2950, "uuid"),
          Map.entry(3802, "jsonb"));

  private static final Map<Integer, Integer> ARRAYS =
      Map.ofEntries(
          Map.entry(1000, 16),
          Map.entry(1001, 17),
          Map.entry(1002, 18),
          Map.entry(1003, 19),
          Map.entry(1005, 21),
          Map.entry(1007, 23),
          Map.entry(1009, 25),
          Map.entry(1014, 1042),
          Map.entry(1015, 1043),
          Map.entry(1016, 20),
          Map.entry(1021, 700),
          Map.entry(1022, 701),
          Map.entry(1028, 26),
          Map.entry(1115, 1114),
          Map.entry(1182, 1082),
          Map.entry(1183, 1083),
          Map.entry(1185, 1184),
          Map.entry(1187, 1186),
          Map.entry(1231, 1700),
          Map.entry(1270, 1266),
          Map.entry(2951, 2950),
          Map.entry(199, 114),
          Map.entry(3807, 3802));

  @Test
  void knowsEveryBuiltInByOid() {
    NAMES.forEach(
        (oid, name) -> {
          Codec<?> codec = registry.forOid(oid);
          assertEquals(oid, codec.oid());
          assertEquals(name, registry.typeName(oid));
          assertTrue(registry.hasBinary(oid), name);
        });
    ARRAYS.forEach(
        (oid, element) -> {
          Codec<?> codec = registry.forOid(oid);
          assertEquals(oid, codec.oid());
          assertEquals(NAMES.get(element) + "[]", registry.typeName(oid));
          assertEquals(element, ((ArrayCodec) codec).element().oid());
          assertSame(List.class, codec.javaType());
        });
  }

  @Test
  void defaultJavaTypes() {
    assertSame(Boolean.class, registry.forOid(Oids.BOOL).javaType());
    assertSame(Short.class, registry.forOid(Oids.INT2).javaType());
    assertSame(Long.class, registry.forOid(Oids.OID).javaType());
    assertSame(Number.class, registry.forOid(Oids.NUMERIC).javaType());
    assertSame(byte[].class, registry.forOid(Oids.BYTEA).javaType());
    assertSame(UUID.class, registry.forOid(Oids.UUID).javaType());
    assertSame(LocalDate.class, registry.forOid(Oids.DATE).javaType());
    assertSame(LocalTime.class, registry.forOid(Oids.TIME).javaType());
    assertSame(OffsetTime.class, registry.forOid(Oids.TIMETZ).javaType());
    assertSame(LocalDateTime.class, registry.forOid(Oids.TIMESTAMP).javaType());
    assertSame(OffsetDateTime.class, registry.forOid(Oids.TIMESTAMPTZ).javaType());
    assertSame(PgInterval.class, registry.forOid(Oids.INTERVAL).javaType());
    assertSame(Object.class, registry.forOid(Oids.JSONB).javaType());
    assertSame(String.class, registry.forOid(Oids.CHAR).javaType());
  }

  @Test
  void unknownOidsDecodeTextAsString() {
    assertEquals("oid:12345", registry.typeName(12345));
    assertEquals("oid:99999", registry.typeName(99999));
    assertFalse(registry.hasBinary(12345));
    byte[] text = "(1,2)".getBytes(StandardCharsets.UTF_8);
    assertEquals("(1,2)", registry.decode(12345, 0, text, 0, text.length));
    assertEquals("(1,2)", registry.decode(12345, 0, text, 0, text.length, String.class));
  }

  @Test
  void decodesByFormat() {
    byte[] binary = Wire.hex("0000002a");
    byte[] text = "42".getBytes(StandardCharsets.UTF_8);
    assertEquals(42, registry.decode(Oids.INT4, 1, binary, 0, 4));
    assertEquals(42, registry.decode(Oids.INT4, 0, text, 0, 2));
    assertThrows(ProgrammingError.class, () -> registry.decode(Oids.INT4, 2, text, 0, 2));
  }

  @Test
  void arraysDecodeToTheirTargets() {
    byte[] binary =
        Wire.hex(
            "00000001 00000000 00000017 00000002 00000001 00000004 00000007 00000004 fffffff9");
    assertArrayEquals(
        new int[] {7, -7},
        registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, int[].class));
    assertArrayEquals(
        new long[] {7, -7},
        registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, long[].class));
    assertArrayEquals(
        new Integer[] {7, -7},
        registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, Integer[].class));
    assertEquals(
        List.of(7, -7), registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, List.class));
    assertEquals(
        "{7,-7}", registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, String.class));
    assertInstanceOf(
        List.class, registry.decode(Oids.INT4_ARRAY, 1, binary, 0, binary.length, Object.class));
  }
}
