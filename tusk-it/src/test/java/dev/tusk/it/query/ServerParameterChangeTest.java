package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Pipeline;
import dev.tusk.Row;
import dev.tusk.it.FormatProbe;
import dev.tusk.testing.TuskTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server parameters every query reads (DateStyle and IntervalStyle decide whether text results
 * can be parsed, TimeZone how binary timestamps read as text are shown) are kept by the session as
 * the server reports them; a change must be seen by the very next query, however it was made: SET,
 * RESET ALL, {@code set_config} inside a query, or a statement of a pipeline.
 */
@TuskTest
class ServerParameterChangeTest {

  /** A timestamptz read as a String: binary from its second run on, then shown by the driver. */
  private static final String INSTANT =
      "SELECT TIMESTAMPTZ '2024-02-29 13:14:15+00' AS at, 1::int4 AS format";

  private static final String IN_KATHMANDU = "2024-02-29 18:59:15+05:45";
  private static final String IN_KOLKATA = "2024-02-29 18:44:15+05:30";

  private final AtomicInteger fresh = new AtomicInteger();

  /** Makes int4 columns show their format, and runs the instant once: its later runs are binary. */
  private static Connection probed(Connection conn) {
    conn.types().register(FormatProbe.INSTANCE);
    conn.execute(INSTANT).fetchOne();
    return conn;
  }

  /**
   * The format a statement never run before gets in its first run: text, unless the session's
   * DateStyle or IntervalStyle makes text unreadable, then binary.
   */
  private String firstRunFormat(Connection conn) {
    return (String)
        conn.execute("SELECT 1::int4 AS format -- " + fresh.incrementAndGet()).fetchOne().get(0);
  }

  /** The instant as the driver shows it from a binary run. */
  private static String shownInstant(Connection conn) {
    Row row = conn.execute(INSTANT).fetchOne();
    assertEquals("binary", row.get("format"), "the instant must come in binary to test the zone");
    return row.get(0, String.class);
  }

  /** Text results are parsed only in the styles startup pins; any other makes them binary. */
  @ParameterizedTest(name = "{0} then {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SET DateStyle = 'German' | SET DateStyle = 'ISO, MDY'",
        "SET IntervalStyle = 'iso_8601' | SET IntervalStyle = 'postgres'"
      })
  void aStyleSetIsSeenByTheNextQuery(String unreadable, String readable, Connection conn) {
    probed(conn);
    assertEquals("text", firstRunFormat(conn));
    conn.execute(unreadable);
    assertEquals("binary", firstRunFormat(conn));
    conn.execute(readable);
    assertEquals("text", firstRunFormat(conn));
  }

  @Test
  void setTimeZoneIsSeenByTheNextQuery(Connection conn) {
    probed(conn);
    conn.execute("SET TimeZone = 'Asia/Kolkata'");
    assertEquals(IN_KOLKATA, shownInstant(conn));
    conn.execute("SET TimeZone = 'Asia/Kathmandu'");
    assertEquals(IN_KATHMANDU, shownInstant(conn));
  }

  @Test
  void resetAllIsSeenByTheNextQuery(Connection conn) {
    probed(conn);
    conn.execute("SET DateStyle = 'German'");
    conn.execute("SET TimeZone = 'Asia/Kathmandu'");
    assertEquals(IN_KATHMANDU, shownInstant(conn));

    conn.execute("RESET ALL");
    String shown = shownInstant(conn);
    // The server's own text of the instant, in the zone RESET ALL restored.
    String serverText =
        (String)
            conn.execute("SELECT (TIMESTAMPTZ '2024-02-29 13:14:15+00')::text").fetchOne().get(0);
    assertEquals(serverText, shown);

    conn.execute("SET DateStyle = 'German'");
    conn.execute("RESET ALL");
    assertEquals("text", firstRunFormat(conn));
  }

  @Test
  void setConfigInsideAQueryIsSeenByTheNextQuery(Connection conn) {
    probed(conn);
    conn.execute("SELECT set_config('TimeZone', 'Asia/Kathmandu', false)").fetchOne();
    assertEquals(IN_KATHMANDU, shownInstant(conn));
    conn.execute("SELECT set_config('DateStyle', 'SQL, DMY', false)").fetchOne();
    assertEquals("binary", firstRunFormat(conn));
  }

  @Test
  void aChangeMadeInAPipelineIsSeenByTheNextQuery(Connection conn) {
    probed(conn);
    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("SET TimeZone = 'Asia/Kathmandu'");
      pipeline.execute("SELECT 1");
      pipeline.sync();
    }
    assertEquals(IN_KATHMANDU, shownInstant(conn));

    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("SELECT 1");
      pipeline.execute("SET IntervalStyle = 'sql_standard'");
      pipeline.sync();
    }
    assertEquals("binary", firstRunFormat(conn));
  }
}
