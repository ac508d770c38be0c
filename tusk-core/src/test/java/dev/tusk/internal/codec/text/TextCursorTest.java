package dev.tusk.internal.codec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one text cursor the container parsers share: whitespace is the C locale's {@code isspace}
 * (what the server's parsers skip), and an error quotes the value and names its type.
 */
class TextCursorTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void whitespaceIsExactlyTheCLocalesIsspace() {
    List<Integer> spaces = new ArrayList<>();
    for (int c = 0; c < 256; c++) {
      if (TextCursor.isWhitespace(c)) {
        spaces.add(c);
      }
    }
    // \t \n \v \f \r and space; not 0x1C-0x1F, which Java's Character.isWhitespace also takes.
    assertEquals(List.of(9, 10, 11, 12, 13, 32), spaces);
  }

  @Test
  void hstoreSkipsEveryIsspaceByteBetweenTokens() {
    byte[] text = utf8(" \t\u000B\"a\"\f=>\r\n\"b\" ,\n\"c\" => NULL \f");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "b");
    expected.put("c", null);
    assertEquals(expected, HstoreText.parse(text, 0, text.length));
  }

  @Test
  void aByteOutsideIsspaceIsNotSkipped() {
    byte[] text = utf8("\"a\"=>\"b\"\u001C");
    DataError error = assertThrows(DataError.class, () -> HstoreText.parse(text, 0, text.length));
    assertTrue(error.getMessage().contains("hstore"), error.getMessage());
  }

  @Test
  void anErrorQuotesTheWholeValueAndNamesItsType() {
    byte[] text = utf8("xx[1,2]yy");
    TextCursor cursor = new TextCursor(text, 2, 5, "int4range");
    assertTrue(cursor.consume("[1,2"));
    DataError error = assertThrows(DataError.class, cursor::expectEnd);
    assertTrue(error.getMessage().contains("int4range"), error.getMessage());
    assertTrue(error.getMessage().contains("[1,2]"), error.getMessage());
    assertTrue(!error.getMessage().contains("xx"), error.getMessage());
  }
}
