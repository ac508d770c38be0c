package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.convert.Conversions;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgLsn;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** money, pg_lsn, int2vector and oidvector, void, and the text-only types. */
class ScalarTypeCodecsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.00 | $0.00",
        "0.05 | $0.05",
        "-1.50 | -$1.50",
        "1234567.89 | $1,234,567.89",
        "-92233720368547758.08 | -$92,233,720,368,547,758.08",
        "92233720368547758.07 | $92,233,720,368,547,758.07"
      })
  void moneyTextIsTheCLocalesForm(BigDecimal value, String text) {
    assertEquals(text, MoneyCodec.INSTANCE.encodeText(value));
    assertEquals(value, decodeText(MoneyCodec.INSTANCE, text));
    assertEquals(value, Wire.binaryRoundTrip(MoneyCodec.INSTANCE, value));
  }

  @Test
  void moneyBinaryIsCents() {
    assertEquals("ffffffffffffff6a", hex(binary(MoneyCodec.INSTANCE, new BigDecimal("-1.5"))));
    assertEquals(
        new BigDecimal("12.34"), decodeBinary(MoneyCodec.INSTANCE, hex("00000000000004d2")));
    assertThrows(DataError.class, () -> binary(MoneyCodec.INSTANCE, new BigDecimal("0.001")));
    assertThrows(
        DataError.class, () -> binary(MoneyCodec.INSTANCE, new BigDecimal("92233720368547758.08")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.00", "$", "$1.0", "$1.000", "€1.00", "$1,00.00.0", "($1.00)"})
  void otherMoneyFormsAreDataErrors(String text) {
    assertThrows(DataError.class, () -> decodeText(MoneyCodec.INSTANCE, text));
  }

  @Test
  void lsnIsAnUnsigned64BitPosition() {
    PgLsn lsn = new PgLsn(0x16_B374_D848L);
    assertEquals("16/B374D848", LsnCodec.INSTANCE.encodeText(lsn));
    assertEquals(lsn, decodeText(LsnCodec.INSTANCE, "16/b374d848"));
    assertEquals("00000016b374d848", hex(binary(LsnCodec.INSTANCE, lsn)));
    assertEquals(new PgLsn(-1), decodeText(LsnCodec.INSTANCE, "FFFFFFFF/FFFFFFFF"));
    assertTrue(new PgLsn(-1).compareTo(new PgLsn(1)) > 0);
    assertEquals(0x16_B374_D848L, Conversions.convert(lsn, LsnCodec.INSTANCE, Long.class));
    assertThrows(
        DataError.class, () -> Conversions.convert(new PgLsn(-1), LsnCodec.INSTANCE, Long.class));
    for (String bad : new String[] {"", "16", "/1", "1/", "-1/0", "1/+0", "123456789/0", "G/0"}) {
      assertThrows(DataError.class, () -> decodeText(LsnCodec.INSTANCE, bad), bad);
    }
  }

  @Property(tries = 300)
  void lsnTextRoundTrips(@ForAll long value) {
    PgLsn lsn = new PgLsn(value);
    assertEquals(lsn, PgLsn.parse(lsn.toString()));
    assertEquals(lsn, Wire.binaryRoundTrip(LsnCodec.INSTANCE, lsn));
  }

  @Test
  void vectorsAreSpaceSeparatedInTextAndZeroBasedArraysInBinary() {
    List<Short> value = List.of((short) 1, (short) -2);
    assertEquals("1 -2", VectorCodec.INT2VECTOR.encodeText(value));
    assertEquals(value, decodeText(VectorCodec.INT2VECTOR, "1 -2"));
    assertEquals(List.of(), decodeText(VectorCodec.INT2VECTOR, ""));
    String bytes =
        "00000001"
            + "00000000"
            + "00000015"
            + "00000002"
            + "00000000"
            + "00000002"
            + "0001"
            + "00000002"
            + "fffe";
    assertEquals(bytes, hex(binary(VectorCodec.INT2VECTOR, value)));
    assertEquals(value, decodeBinary(VectorCodec.INT2VECTOR, hex(bytes)));
    assertEquals(List.of(4294967295L), decodeText(VectorCodec.OIDVECTOR, "4294967295"));
  }

  @Test
  void voidIsTheEmptyStringInBothFormats() {
    Codec<?> codec = CodecRegistry.defaults().forOid(Oids.VOID);
    assertEquals("", codec.decode(0, new byte[0], 0, 0));
    assertEquals("", codec.decode(1, new byte[0], 0, 0));
  }

  @Test
  void regTypesXmlAndTextSearchAreTextOnly() {
    CodecRegistry registry = CodecRegistry.defaults();
    for (int oid :
        new int[] {
          Oids.REGCLASS,
          Oids.REGTYPE,
          Oids.REGPROC,
          Oids.REGCOLLATION,
          Oids.XML,
          Oids.TSVECTOR,
          Oids.TSQUERY,
          Oids.PG_SNAPSHOT,
          Oids.REGCLASS_ARRAY,
          Oids.TSVECTOR_ARRAY
        }) {
      assertFalse(registry.hasBinary(oid), registry.typeName(oid));
    }
    assertEquals("regclass", registry.typeName(Oids.REGCLASS));
    assertEquals("pg_class", decodeText(registry.forOid(Oids.REGCLASS), "pg_class"));
    assertThrows(
        NotSupportedError.class, () -> registry.forOid(Oids.REGTYPE).decode(1, new byte[4], 0, 4));
  }
}
