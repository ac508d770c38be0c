package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * Checks the premise of {@link BothFormats}: a new SQL text runs with text, then binary results.
 */
@TuskTest
class BothFormatsTest {

  /**
   * A timestamptz read as a String is the server's text in the session's time zone when it came in
   * text, and the driver's rendering in UTC when it came in binary, so the two runs tell the
   * formats apart.
   */
  @Test
  void firstRunIsTextAndSecondIsBinary(Connection conn) {
    conn.execute("SET TimeZone = 'Asia/Kathmandu'");
    BothFormats.Rows rows = BothFormats.run(conn, "SELECT '2024-01-02 03:04:05+00'::timestamptz");
    assertEquals("2024-01-02 08:49:05+05:45", rows.text().getString(0));
    assertEquals("2024-01-02 03:04:05+00", rows.binary().getString(0));
  }

  @Test
  void everyRunOfTheHelperStartsInText(Connection conn) {
    conn.execute("SET TimeZone = 'America/St_Johns'");
    String sql = "SELECT '2024-07-01 12:00:00+00'::timestamptz";
    for (int i = 0; i < 2; i++) {
      BothFormats.Rows rows = BothFormats.run(conn, sql);
      assertEquals("2024-07-01 09:30:00-02:30", rows.text().getString(0));
      assertEquals("2024-07-01 12:00:00+00", rows.binary().getString(0));
    }
  }
}
