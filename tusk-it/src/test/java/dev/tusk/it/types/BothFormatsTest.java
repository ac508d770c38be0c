package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.it.FormatProbe;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * Checks the premise of {@link BothFormats}: a new SQL text runs with text, then binary results.
 */
@TuskTest
class BothFormatsTest {

  /** The first run of a statement reads text results, the second binary ones. */
  @Test
  void firstRunIsTextAndSecondIsBinary(Connection conn) {
    conn.types().register(FormatProbe.INSTANCE);
    BothFormats.Rows rows = BothFormats.run(conn, "SELECT 1::int4");
    assertEquals("text", rows.text().get(0));
    assertEquals("binary", rows.binary().get(0));
  }

  @Test
  void everyRunOfTheHelperStartsInText(Connection conn) {
    conn.types().register(FormatProbe.INSTANCE);
    String sql = "SELECT 2::int4";
    for (int i = 0; i < 2; i++) {
      BothFormats.Rows rows = BothFormats.run(conn, sql);
      assertEquals("text", rows.text().get(0));
      assertEquals("binary", rows.binary().get(0));
    }
  }
}
