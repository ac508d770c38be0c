package dev.tusk.internal.codec.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.convert.Conversions;
import dev.tusk.internal.codec.convert.ParameterValues;
import dev.tusk.types.Codec;
import dev.tusk.types.PgRecord;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Composite values in both formats, enums and domains, and records to and from Java. */
class CompositeCodecTest {

  private static final List<String> NAMES = List.of("label", "n");
  private static final CompositeCodec PAIR =
      new CompositeCodec(
          16_500, "pair", NAMES, List.<Codec<?>>of(TextCodec.TEXT, IntegerCodecs.INT4));

  record Pair(String label, Integer n) {}

  private static PgRecord pair(String label, Integer n) {
    return PgRecord.of("pair", NAMES, Arrays.asList(label, n));
  }

  @Test
  void textAsRecordOutWritesIt() {
    assertEquals(pair("a b", 1), Wire.decodeText(PAIR, "(\"a b\",1)"));
    assertEquals(pair("say \"hi\" \\", null), Wire.decodeText(PAIR, "(\"say \"\"hi\"\" \\\\\",)"));
    assertEquals(pair("", null), Wire.decodeText(PAIR, "(\"\",)"));
    assertEquals(pair(null, null), Wire.decodeText(PAIR, "(,)"));
    assertEquals("(\"a,b\",)", PAIR.encodeText(pair("a,b", null)));
    assertThrows(DataError.class, () -> Wire.decodeText(PAIR, "(\"a,1)"));
    assertThrows(DataError.class, () -> Wire.decodeText(PAIR, "(a,1,2)"));
  }

  @Property
  void anyLabelSurvivesBothFormats(@ForAll String label, @ForAll Integer n) {
    PgRecord value = pair(label.replace('\0', ' '), n);
    assertEquals(value, Wire.textRoundTrip(PAIR, value));
    assertEquals(value, Wire.binaryRoundTrip(PAIR, value));
  }

  @Test
  void binaryHasCountThenOidLengthAndBytesPerAttribute() {
    assertEquals(
        "00000002" + "00000019" + "ffffffff" + "00000017" + "00000004" + "00000007",
        Wire.hex(Wire.binary(PAIR, pair(null, 7))));
  }

  @Test
  void anAttributeCountThatChangedSaysToRefresh() {
    DataError error = assertThrows(DataError.class, () -> Wire.decodeText(PAIR, "(a,1,x)"));
    assertEquals(true, error.getMessage().contains("refresh()"));
  }

  @Test
  void recordsConvertByComponentName() {
    assertEquals(new Pair("x", 3), Conversions.convert(pair("x", 3), PAIR, Pair.class, null));
    assertEquals(pair("y", 4), ParameterValues.convert(new Pair("y", 4), PAIR, null));
    record Other(String missing) {}
    assertThrows(
        ProgrammingError.class, () -> Conversions.convert(pair("x", 3), PAIR, Other.class, null));
  }

  @Test
  void enumsAndDomainsDecodeAsTheirLabelsAndBase() {
    EnumCodec mood = new EnumCodec(16_400, "mood", List.of("sad", "ok"));
    String ok = Wire.decodeText(mood, "ok");
    assertEquals(ok, Wire.decodeBinary(mood, "ok".getBytes()));
    assertEquals(true, ok == mood.decodeText("ok".getBytes(), 0, 2));
    assertEquals("new", Wire.decodeText(mood, "new"));
    DomainCodec<Integer> posint = DomainCodec.over(16_401, "posint", IntegerCodecs.INT4);
    assertEquals(5, Wire.binaryRoundTrip(posint, 5));
    assertEquals(IntegerCodecs.INT4, DomainCodec.underlying(posint));
    assertEquals(5L, Conversions.convert(5, posint, Long.class, null));
  }
}
