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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HstoreCodecTest {

  private static final HstoreCodec HSTORE = new HstoreCodec(16_500);

  @Test
  void carriesTheOidItWasGiven() {
    assertEquals(16_500, HSTORE.oid());
    assertEquals("hstore", HSTORE.typeName());
  }

  @Test
  void textIsQuotedPairsWithNull() {
    Map<String, String> value = pairs("a", "1", "b\"\\", null);
    assertEquals("\"a\"=>\"1\", \"b\\\"\\\\\"=>NULL", HSTORE.encodeText(value));
    assertEquals(value, decodeText(HSTORE, "\"a\"=>\"1\", \"b\\\"\\\\\"=>NULL"));
    assertEquals(pairs("k", "v", "n", null), decodeText(HSTORE, " k => v ,n=>null"));
    assertEquals(Map.of(), decodeText(HSTORE, ""));
    assertEquals(List.of("z", "a"), List.copyOf(decodeText(HSTORE, "z=>1, a=>2").keySet()));
    assertEquals(pairs("n", "NULL"), decodeText(HSTORE, "n=>\"NULL\""));
  }

  @Test
  void binaryIsACountThenLengthPrefixedKeysAndValues() {
    Map<String, String> value = pairs("a", "xy", "b", null);
    String bytes =
        "00000002" + "00000001" + "61" + "00000002" + "7879" + "00000001" + "62" + "ffffffff";
    assertEquals(bytes, hex(binary(HSTORE, value)));
    assertEquals(value, decodeBinary(HSTORE, hex(bytes)));
  }

  @Test
  void malformedValuesAreErrors() {
    assertThrows(DataError.class, () -> decodeText(HSTORE, "a=>"));
    assertThrows(DataError.class, () -> decodeText(HSTORE, "a=1"));
    assertThrows(DataError.class, () -> decodeText(HSTORE, "\"a=>1"));
    assertThrows(DataError.class, () -> decodeBinary(HSTORE, hex("00000001ffffffff00000000")));
    assertThrows(DataError.class, () -> decodeBinary(HSTORE, hex("7fffffff")));
    assertThrows(DataError.class, () -> binary(HSTORE, pairs(null, "x")));
    assertThrows(ProgrammingError.class, () -> HSTORE.encodeText(Map.of("a", 1)));
  }

  @Property(tries = 300)
  void roundTripsInBothFormats(@ForAll("maps") Map<String, String> value) {
    assertEquals(value, textRoundTrip(HSTORE, value));
    assertEquals(value, binaryRoundTrip(HSTORE, value));
  }

  @Provide
  Arbitrary<Map<String, String>> maps() {
    Arbitrary<String> strings =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab =>,\"\\\t").ofMaxLength(5),
            Arbitraries.strings().ofMaxLength(5).filter(text -> text.indexOf('\0') < 0));
    return Arbitraries.maps(strings, strings.injectNull(0.2)).ofMaxSize(5).map(LinkedHashMap::new);
  }

  private static Map<String, String> pairs(String... keysAndValues) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      pairs.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return pairs;
  }
}
