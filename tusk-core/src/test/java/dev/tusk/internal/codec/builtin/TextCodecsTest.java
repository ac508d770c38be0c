package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.types.Codec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class TextCodecsTest {

  static final List<Codec<String>> TEXT_CODECS =
      List.of(
          TextCodec.TEXT, TextCodec.VARCHAR, TextCodec.BPCHAR, TextCodec.NAME, TextCodec.UNKNOWN);

  @Test
  void textIsUtf8InBothFormats() {
    String value = "h\u00e9llo \u4e16\u754c \ud83d\udc18";
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(utf8, binary(TextCodec.TEXT, value));
    assertEquals(value, decodeBinary(TextCodec.VARCHAR, utf8));
    assertEquals(value, decodeText(TextCodec.NAME, value));
  }

  @Test
  void nulIsADataErrorNamingTheProblem() {
    for (Codec<String> codec : TEXT_CODECS) {
      DataError error = assertThrows(DataError.class, () -> binary(codec, "a\0b"));
      assertTrue(error.getMessage().contains("NUL"), error.getMessage());
      assertThrows(DataError.class, () -> codec.encodeText("\0"));
    }
  }

  @Test
  void unknownTypesAreTextOnly() {
    TextCodec codec = TextCodec.unknownType(70000);
    assertEquals("oid:70000", codec.typeName());
    assertFalse(codec.hasBinary());
    assertEquals("(1,2)", decodeText(codec, "(1,2)"));
    assertThrows(NotSupportedError.class, () -> decodeBinary(codec, hex("00")));
    assertEquals("oid:4294967295", TextCodec.unknownType(-1).typeName());
  }

  @Test
  void charIsOneRawByte() {
    assertEquals("r", decodeBinary(CharCodec.INSTANCE, hex("72")));
    assertEquals("", decodeBinary(CharCodec.INSTANCE, hex("00")));
    assertEquals("\\351", decodeBinary(CharCodec.INSTANCE, hex("e9")));
    assertEquals("e9", hex(binary(CharCodec.INSTANCE, "\\351")));
    assertEquals("00", hex(binary(CharCodec.INSTANCE, "")));
    assertEquals("72", hex(binary(CharCodec.INSTANCE, "r")));
    assertEquals("41", hex(binary(CharCodec.INSTANCE, "\\101")));
    assertEquals("\\351", decodeText(CharCodec.INSTANCE, "\\351"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "\u00e9", "\\400", "\\08x", "\0"})
  void charRejectsWhatIsNotOneByte(String value) {
    assertThrows(DataError.class, () -> binary(CharCodec.INSTANCE, value));
  }

  @Property
  void charRoundTripsEveryByte(@ForAll byte b) {
    String text = decodeBinary(CharCodec.INSTANCE, new byte[] {b});
    assertArrayEquals(new byte[] {b}, binary(CharCodec.INSTANCE, text));
  }

  @Property
  void stringsRoundTrip(@ForAll("strings") String value) {
    for (Codec<String> codec : TEXT_CODECS) {
      assertEquals(value, Wire.binaryRoundTrip(codec, value));
      assertEquals(value, Wire.textRoundTrip(codec, value));
    }
  }

  @Test
  void boolIsOneByteOrTF() {
    assertEquals("01", hex(binary(BooleanCodec.INSTANCE, true)));
    assertEquals("00", hex(binary(BooleanCodec.INSTANCE, false)));
    assertEquals(true, decodeBinary(BooleanCodec.INSTANCE, hex("01")));
    assertEquals(false, decodeBinary(BooleanCodec.INSTANCE, hex("00")));
    assertEquals(true, decodeText(BooleanCodec.INSTANCE, "t"));
    assertEquals(false, decodeText(BooleanCodec.INSTANCE, "f"));
    assertEquals(true, decodeText(BooleanCodec.INSTANCE, "true"));
    assertEquals("t", BooleanCodec.INSTANCE.encodeText(true));
    assertEquals("f", BooleanCodec.INSTANCE.encodeText(false));
    assertThrows(DataError.class, () -> decodeText(BooleanCodec.INSTANCE, "yes"));
    assertThrows(DataError.class, () -> decodeText(BooleanCodec.INSTANCE, "tt"));
  }

  @Test
  void byteaTextIsHexOrEscape() {
    assertArrayEquals(hex("00ff7f5c"), decodeText(ByteaCodec.INSTANCE, "\\x00FF7f5c"));
    assertArrayEquals(new byte[0], decodeText(ByteaCodec.INSTANCE, "\\x"));
    assertArrayEquals(hex("61 00 5c 62 ff"), decodeText(ByteaCodec.INSTANCE, "a\\000\\\\b\\377"));
    assertEquals("\\x00ff7f5c", ByteaCodec.INSTANCE.encodeText(hex("00ff7f5c")));
    assertThrows(DataError.class, () -> decodeText(ByteaCodec.INSTANCE, "\\x0"));
    assertThrows(DataError.class, () -> decodeText(ByteaCodec.INSTANCE, "\\xzz"));
    assertThrows(DataError.class, () -> decodeText(ByteaCodec.INSTANCE, "a\\9"));
    assertThrows(DataError.class, () -> decodeText(ByteaCodec.INSTANCE, "a\\"));
  }

  @Property
  void byteaRoundTrips(@ForAll byte[] value) {
    assertArrayEquals(value, Wire.binaryRoundTrip(ByteaCodec.INSTANCE, value));
    assertArrayEquals(value, Wire.textRoundTrip(ByteaCodec.INSTANCE, value));
  }

  @Test
  void uuidLayoutAndForms() {
    UUID value = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertEquals("a0eebc999c0b4ef8bb6d6bb9bd380a11", hex(binary(UuidCodec.INSTANCE, value)));
    assertEquals(value, decodeBinary(UuidCodec.INSTANCE, hex("a0eebc999c0b4ef8bb6d6bb9bd380a11")));
    assertEquals(value, decodeText(UuidCodec.INSTANCE, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertEquals(value, decodeText(UuidCodec.INSTANCE, "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}"));
    assertEquals(value, decodeText(UuidCodec.INSTANCE, "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11"));
    assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", UuidCodec.INSTANCE.encodeText(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
        "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
      })
  void uuidRejectsMalformedText(String text) {
    assertThrows(DataError.class, () -> decodeText(UuidCodec.INSTANCE, text));
  }

  @Property
  void uuidRoundTrips(@ForAll long high, @ForAll long low) {
    UUID value = new UUID(high, low);
    assertEquals(value, Wire.binaryRoundTrip(UuidCodec.INSTANCE, value));
    assertEquals(value, Wire.textRoundTrip(UuidCodec.INSTANCE, value));
  }

  /** Any Unicode text without NUL, including 4-byte UTF-8 (supplementary characters). */
  @Provide
  public static Arbitrary<String> strings() {
    Arbitrary<Integer> codePoints =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 0x7F),
            Arbitraries.integers().between(0x80, 0xFFFF),
            Arbitraries.integers().between(0x10000, 0x10FFFF));
    return codePoints
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMaxSize(20)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              list.forEach(text::appendCodePoint);
              return text.toString();
            });
  }
}
