package dev.tusk.internal.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteBufferTest {

  @Property
  void writeUtf8WritesWellFormedTextAsUtf8(@ForAll String text) {
    String wellFormed =
        text.codePoints()
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    WriteBuffer out = new WriteBuffer().writeByte(7);
    out.writeUtf8(wellFormed + "\uD83D\uDC18");
    byte[] expected = ("\u0007" + wellFormed + "\uD83D\uDC18").getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, out.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD83D", "a\uDC18", "é\uD83Dx", "\uD83D\uDC18\uDC18", "\uDC18\uD83D"})
  void writeUtf8RefusesAnUnpairedSurrogateAndWritesNothing(String text) {
    WriteBuffer out = new WriteBuffer().writeByte(7);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> out.writeUtf8(text));
    assertTrue(error.getMessage().contains("unpaired surrogate U+D"), error.getMessage());
    assertEquals(1, out.size());
  }
}
