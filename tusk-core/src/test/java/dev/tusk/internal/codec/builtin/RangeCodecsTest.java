package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.binaryRoundTrip;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static dev.tusk.internal.codec.builtin.Wire.textRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeCodecsTest {

  private static final RangeCodec INT4RANGE = BuiltinRange.INT4RANGE.codec;
  private static final MultirangeCodec INT4MULTIRANGE = BuiltinRange.INT4RANGE.multirangeCodec;
  private static final RangeCodec TEXTRANGE = new RangeCodec(99_999, "textrange", TextCodec.TEXT);

  @Test
  void binaryIsFlagsThenLengthPrefixedBounds() {
    PgRange<Integer> range = PgRange.closedOpen(1, 5);
    String bytes = "02" + "00000004" + "00000001" + "00000004" + "00000005";
    assertEquals(bytes, hex(binary(INT4RANGE, range)));
    assertEquals(range, decodeBinary(INT4RANGE, hex(bytes)));
    assertEquals("01", hex(binary(INT4RANGE, PgRange.empty())));
    assertEquals(PgRange.empty(), decodeBinary(INT4RANGE, hex("01")));
    assertEquals("18", hex(binary(INT4RANGE, PgRange.unbounded())));
    assertEquals(
        "12" + "00000004" + "00000003", hex(binary(INT4RANGE, PgRange.of(3, null, true, true))));
    assertEquals(
        PgRange.of(null, 3, false, true), decodeBinary(INT4RANGE, hex("0c0000000400000003")));
  }

  @Test
  void multirangeBinaryIsACountThenLengthPrefixedRanges() {
    PgMultirange<Integer> value =
        PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.of(7, null, true, false));
    String bytes =
        "00000002"
            + "00000011"
            + "02"
            + "00000004"
            + "00000001"
            + "00000004"
            + "00000003"
            + "00000009"
            + "12"
            + "00000004"
            + "00000007";
    assertEquals(bytes, hex(binary(INT4MULTIRANGE, value)));
    assertEquals(value, decodeBinary(INT4MULTIRANGE, hex(bytes)));
    assertEquals(PgMultirange.of(), decodeBinary(INT4MULTIRANGE, hex("00000000")));
  }

  @Test
  void textIsRangeOutsForm() {
    assertEquals("[1,5)", INT4RANGE.encodeText(PgRange.closedOpen(1, 5)));
    assertEquals("empty", INT4RANGE.encodeText(PgRange.empty()));
    assertEquals("(,)", INT4RANGE.encodeText(PgRange.unbounded()));
    assertEquals(
        "{[1,3),[5,7)}",
        INT4MULTIRANGE.encodeText(
            PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7))));
    assertEquals("{}", INT4MULTIRANGE.encodeText(PgMultirange.of()));
    Codec<?> tsrange = BuiltinRange.TSRANGE.codec;
    PgRange<LocalDateTime> timestamps =
        PgRange.of(LocalDateTime.of(2020, 1, 1, 0, 0), null, true, false);
    assertEquals("[\"2020-01-01 00:00:00\",)", BuiltinRange.TSRANGE.codec.encodeText(timestamps));
    assertEquals(timestamps, decodeText(tsrange, "[\"2020-01-01 00:00:00\",)"));
  }

  @Test
  void boundsAreQuotedAndUnescapedAsRangeInDoes() {
    PgRange<String> value = PgRange.closedOpen(" c,", "a\"b\\");
    assertEquals("[\" c,\",\"a\"\"b\\\\\")", TEXTRANGE.encodeText(value));
    assertEquals(value, decodeText(TEXTRANGE, "[\" c,\",\"a\"\"b\\\\\")"));
    assertEquals(value, decodeText(TEXTRANGE, "[\" c,\",\"a\\\"b\\\\\")"));
    assertEquals(PgRange.closedOpen("", null), decodeText(TEXTRANGE, "[\"\",)"));
    assertEquals(PgRange.closed("a b", "x"), decodeText(TEXTRANGE, "[a b,x]"));
    assertEquals(PgRange.empty(), decodeText(INT4RANGE, " EMPTY "));
    assertEquals(
        PgMultirange.of(PgRange.closedOpen(1, 3)), decodeText(INT4MULTIRANGE, "{ [1,3) }"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[1,5", "1,5)", "[1;5)", "[1,5)x", "[a,5)", "[\"1,5)", "emptyx"})
  void malformedRangeTextIsADataError(String text) {
    assertThrows(DataError.class, () -> decodeText(INT4RANGE, text));
  }

  @Test
  void malformedBinaryIsADataError() {
    assertThrows(DataError.class, () -> decodeBinary(INT4RANGE, hex("")));
    assertThrows(DataError.class, () -> decodeBinary(INT4RANGE, hex("0100")));
    assertThrows(DataError.class, () -> decodeBinary(INT4RANGE, hex("20")));
    assertThrows(DataError.class, () -> decodeBinary(INT4RANGE, hex("0200000004000000")));
    assertThrows(DataError.class, () -> decodeBinary(INT4RANGE, hex("18ff")));
    assertThrows(DataError.class, () -> decodeBinary(INT4MULTIRANGE, hex("7fffffff")));
  }

  @Test
  void boundsOfTheWrongJavaTypeAreProgrammingErrors() {
    PgRange<Object> mixed = PgRange.closed(1, "2");
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class, () -> INT4RANGE.encodeBinary(mixed, new WriteBuffer()));
    assertEquals(true, error.getMessage().contains("java.lang.String"));
  }

  @Test
  void theRangeRecordNormalisesUnboundedSides() {
    PgRange<Integer> range = PgRange.of(null, 3, true, true);
    assertEquals(false, range.lowerInclusive());
    assertEquals(true, range.isLowerUnbounded());
    assertThrows(DataError.class, () -> new PgRange<>(1, null, false, false, true));
    assertEquals("[1,3)", PgRange.closedOpen(1, 3).toString());
  }

  @Test
  void registryHasEveryBuiltinRangeAndMultirangeWithArrays() {
    CodecRegistry registry = CodecRegistry.defaults();
    assertEquals("int4multirange", registry.typeName(Oids.INT4MULTIRANGE));
    assertEquals("tstzmultirange[]", registry.typeName(Oids.TSTZMULTIRANGE_ARRAY));
    assertEquals("daterange[]", registry.typeName(Oids.DATERANGE_ARRAY));
    assertEquals(
        List.of(PgRange.closedOpen(1, 2)),
        decodeText(registry.forOid(Oids.INT4RANGE_ARRAY), "{\"[1,2)\"}"));
  }

  @Property(tries = 300)
  void int4RangesRoundTripInBothFormats(@ForAll("int4Ranges") PgRange<Integer> range) {
    assertEquals(range, textRoundTrip(INT4RANGE, range));
    assertEquals(range, binaryRoundTrip(INT4RANGE, range));
  }

  @Property(tries = 200)
  void textRangesRoundTripWhateverTheBounds(@ForAll("textRanges") PgRange<String> range) {
    @SuppressWarnings("unchecked")
    Codec<PgRange<?>> codec = (Codec<PgRange<?>>) (Codec<?>) TEXTRANGE;
    assertEquals(range, textRoundTrip(codec, range));
    assertEquals(range, binaryRoundTrip(codec, range));
  }

  @Property(tries = 200)
  void multirangesRoundTripInBothFormats(@ForAll("multiranges") PgMultirange<BigDecimal> value) {
    MultirangeCodec codec = BuiltinRange.NUMRANGE.multirangeCodec;
    assertEquals(value, textRoundTrip(codec, value));
    assertEquals(value, binaryRoundTrip(codec, value));
  }

  @Provide
  Arbitrary<PgRange<Integer>> int4Ranges() {
    return ranges(Arbitraries.integers());
  }

  @Provide
  Arbitrary<PgRange<String>> textRanges() {
    return ranges(
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab ,()[]\"\\\t").ofMaxLength(6),
            Arbitraries.strings().ofMaxLength(6).filter(text -> text.indexOf('\0') < 0)));
  }

  @Provide
  Arbitrary<PgMultirange<BigDecimal>> multiranges() {
    Arbitrary<PgRange<BigDecimal>> ranges =
        ranges(
            Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-1e6), BigDecimal.valueOf(1e6))
                .ofScale(2));
    return Arbitraries.oneOf(
            ranges.list().ofSize(0),
            ranges.list().ofSize(1),
            ranges.list().ofMinSize(2).ofMaxSize(6))
        .map(PgMultirange::new);
  }

  private static <T> Arbitrary<PgRange<T>> ranges(Arbitrary<T> bounds) {
    Arbitrary<PgRange<T>> nonEmpty =
        Combinators.combine(
                bounds.injectNull(0.25),
                bounds.injectNull(0.25),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(PgRange::of);
    return Arbitraries.oneOf(nonEmpty, Arbitraries.just(PgRange.empty()));
  }
}
