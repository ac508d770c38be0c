package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * A statement run many times resolves its result columns once and reuses them; what they were
 * resolved from (the registry, the session's time zone, the statement's own columns) changing
 * between runs must still show in the next run.
 */
@TuskTest
class ResultColumnsReuseTest {

  private static final int RUNS = 8;

  @Test
  void aCodecRegisteredBetweenRunsReadsTheNextRun(Connection conn) {
    String sql = "SELECT $1::int4 AS n";
    for (int i = 0; i < RUNS; i++) {
      assertEquals(i, conn.execute(sql, i).fetchOne().get(0));
    }
    conn.types().register(new TypeScopesTest.CountCodec(true));
    for (int i = 0; i < RUNS; i++) {
      assertEquals(new TypeScopesTest.Count(i), conn.execute(sql, i).fetchOne().get(0));
    }
  }

  @Test
  void aTimeZoneSetBetweenRunsShowsInTheNextRunsText(Connection conn) {
    String sql = "SELECT $1::timestamptz AS t";
    String instant = "2026-01-01 12:00:00+00";
    conn.execute("SET TimeZone = 'UTC'");
    String utc = null;
    for (int i = 0; i < RUNS; i++) {
      utc = conn.execute(sql, instant).fetchOne().getString(0);
    }
    assertEquals("2026-01-01 12:00:00+00", utc);
    conn.execute("SET TimeZone = 'Asia/Tokyo'");
    assertEquals("2026-01-01 21:00:00+09", conn.execute(sql, instant).fetchOne().getString(0));
  }

  @Test
  void aTableThatChangesItsColumnsIsDescribedAfresh(Connection conn) {
    conn.execute("CREATE TABLE reshaped (a int)");
    conn.execute("INSERT INTO reshaped VALUES (1)");
    String sql = "SELECT * FROM reshaped";
    for (int i = 0; i < RUNS; i++) {
      assertEquals(1, conn.execute(sql).description().size());
    }
    conn.execute("ALTER TABLE reshaped ADD COLUMN b text DEFAULT 'two'");
    var cursor = conn.execute(sql);
    assertEquals(2, cursor.description().size());
    assertEquals("two", cursor.fetchOne().getString("b"));
  }
}
