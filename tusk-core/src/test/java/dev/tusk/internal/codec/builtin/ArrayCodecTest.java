package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrayCodecTest {

  private static final ArrayCodec INT4_ARRAY = new ArrayCodec(Oids.INT4_ARRAY, IntegerCodecs.INT4);
  private static final ArrayCodec TEXT_ARRAY = new ArrayCodec(Oids.TEXT_ARRAY, TextCodec.TEXT);

  /** {1,NULL,3}: one dimension, has NULLs, int4 elements, size 3, lower bound 1. */
  private static final String ONE_NULL_THREE =
      "00000001 00000001 00000017 00000003 00000001"
          + " 00000004 00000001 ffffffff 00000004 00000003";

  @Test
  void binaryLayout() {
    assertEquals(
        ONE_NULL_THREE.replace(" ", ""), hex(binary(INT4_ARRAY, Arrays.asList(1, null, 3))));
    assertEquals(Arrays.asList(1, null, 3), decodeBinary(INT4_ARRAY, hex(ONE_NULL_THREE)));
    assertEquals("000000000000000000000017", hex(binary(INT4_ARRAY, List.of())));
    assertEquals(List.of(), decodeBinary(INT4_ARRAY, hex("000000000000000000000017")));
  }

  @Test
  void decodedListsAreUnmodifiable() {
    List<?> list = decodeBinary(INT4_ARRAY, hex(ONE_NULL_THREE));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, null));
    List<?> parsed = decodeText(INT4_ARRAY, "{1,2}");
    assertThrows(UnsupportedOperationException.class, parsed::clear);
  }

  @Test
  void multiDimensionalArraysAreNestedLists() {
    String twoByTwo =
        "00000002 00000000 00000017 00000002 00000001 00000002 00000001"
            + " 00000004 00000001 00000004 00000002 00000004 00000003 00000004 00000004";
    List<List<Integer>> expected = List.of(List.of(1, 2), List.of(3, 4));
    assertEquals(expected, decodeBinary(INT4_ARRAY, hex(twoByTwo)));
    assertEquals(expected, decodeText(INT4_ARRAY, "{{1,2},{3,4}}"));
    assertEquals("{{1,2},{3,4}}", INT4_ARRAY.encodeText(expected));
  }

  @Test
  void parsesTextWithQuotesEscapesNullsAndBounds() {
    assertEquals(
        Arrays.asList("a b", "x\"y", "back\\slash", null, "NULL", "", "{}", "plain"),
        decodeText(
            TEXT_ARRAY, "{\"a b\",\"x\\\"y\",\"back\\\\slash\",NULL,\"NULL\",\"\",\"{}\",plain}"));
    assertEquals(Arrays.asList(null, "null"), decodeText(TEXT_ARRAY, "{null,\"null\"}"));
    assertEquals(List.of(), decodeText(TEXT_ARRAY, "{}"));
    assertEquals(List.of("a", "b c"), decodeText(TEXT_ARRAY, " { a ,  b c } "));
    assertEquals(List.of("a,b"), decodeText(TEXT_ARRAY, "{a\\,b}"));
    assertEquals(List.of(7, 8), decodeText(INT4_ARRAY, "[0:1]={7,8}"));
    assertEquals(
        List.of("h\u00e9", "\ud83d\udc18"), decodeText(TEXT_ARRAY, "{h\u00e9,\"\ud83d\udc18\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "1,2", "{1,2", "{1,,2}", "{\"a}", "{{1},2}", "{1}x", "{a\"b}"})
  void rejectsMalformedText(String text) {
    DataError error = assertThrows(DataError.class, () -> decodeText(TEXT_ARRAY, text));
    assertTrue(error.getMessage().contains("text[]"), error.getMessage());
  }

  @Test
  void rendersLikeArrayOut() {
    assertEquals(
        "{\"a b\",\"x\\\"y\",NULL,\"NULL\",\"\",plain,\"c,d\",\"{\"}",
        TEXT_ARRAY.encodeText(Arrays.asList("a b", "x\"y", null, "NULL", "", "plain", "c,d", "{")));
    ArrayCodec dates = new ArrayCodec(Oids.DATE_ARRAY, DateCodec.INSTANCE);
    assertEquals(
        "{2024-01-02,\"0044-03-15 BC\",infinity}",
        dates.encodeText(
            List.of(LocalDate.of(2024, 1, 2), LocalDate.of(-43, 3, 15), LocalDate.MAX)));
  }

  @Test
  void elementsOfTheWrongTypeCannotBeSent() {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> binary(INT4_ARRAY, List.of(1, "two")));
    assertTrue(error.getMessage().contains("int4[]"), error.getMessage());
  }

  @Test
  void numericArraysKeepSpecialValuesForConversion() {
    ArrayCodec numerics = new ArrayCodec(Oids.NUMERIC_ARRAY, NumericCodec.INSTANCE);
    byte[] text = "{1.5,NaN}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Arrays.asList(new BigDecimal("1.5"), Double.NaN),
        numerics.decodeForConversion(0, text, 0, text.length));
    assertEquals(
        Arrays.asList(new BigDecimal("1.5"), Double.NaN), decodeText(numerics, "{1.5,NaN}"));
  }

  @Test
  void rejectsCorruptBinary() {
    assertThrows(DataError.class, () -> decodeBinary(INT4_ARRAY, hex("00000001 00000000")));
    assertThrows(
        DataError.class,
        () -> decodeBinary(INT4_ARRAY, hex("00000001 00000000 00000017 7fffffff 00000001")));
    assertThrows(
        DataError.class,
        () ->
            decodeBinary(
                INT4_ARRAY, hex("00000001 00000000 00000017 00000001 00000001 00000009 00000001")));
  }

  @Property
  void intArraysRoundTrip(@ForAll("integers") List<Integer> value) {
    assertEquals(value, Wire.binaryRoundTrip(INT4_ARRAY, value));
    assertEquals(value, Wire.textRoundTrip(INT4_ARRAY, value));
  }

  @Property
  void textArraysRoundTrip(@ForAll("texts") List<String> value) {
    assertEquals(value, Wire.binaryRoundTrip(TEXT_ARRAY, value));
    assertEquals(value, Wire.textRoundTrip(TEXT_ARRAY, value));
  }

  @Provide
  Arbitrary<List<Integer>> integers() {
    return Arbitraries.integers().injectNull(0.2).list().ofMaxSize(12);
  }

  /** Strings heavy in the characters array literals treat specially. */
  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> special = Arbitraries.strings().withChars("{}\",\\ \tNULnul").ofMaxLength(6);
    return Arbitraries.oneOf(special, TextCodecsTest.strings()).injectNull(0.2).list().ofMaxSize(8);
  }
}
