package dev.tusk.internal.client;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.results;
import static dev.tusk.internal.engine.Scripted.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.types.Oids;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a connection remembers per SQL text: placeholders, and whether results can be binary. */
class StatementCacheTest {

  private static final short[] ALL_TEXT = {};
  private static final short[] ALL_BINARY = {1};
  private static final int UNKNOWN_TYPE = 99_999;

  private static final TypeScope TYPES = TypeScope.builtins();

  private final StatementCache cache = new StatementCache();

  @Test
  void oneEntryPerSqlText() {
    StatementCache.Entry entry = cache.get("SELECT $1::int");
    assertSame(entry, cache.get("SELECT $1::int"));
    assertEquals("SELECT $1::int", entry.parsed().sql());
    assertEquals(1, entry.parsed().parameterCount());
    assertNotSame(entry, cache.get("SELECT $1::int "));
  }

  @Test
  void resultsAreTextUntilAStatementHasRun() {
    assertArrayEquals(ALL_TEXT, cache.get("SELECT 1").resultFormats(true, TYPES));
  }

  @Test
  void resultsBecomeBinaryWhenEveryColumnTypeHasABinaryCodec() {
    StatementCache.Entry entry = cache.get("SELECT id, name FROM t");
    cache.learn(entry, select(description(field("id", 23, 0), field("name", 25, 0))));
    assertArrayEquals(ALL_BINARY, entry.resultFormats(true, TYPES));
  }

  @Test
  void oneColumnWithoutABinaryCodecIsTextAndTheOthersBinary() {
    StatementCache.Entry entry = cache.get("SELECT id, thing FROM t");
    cache.learn(entry, select(description(field("id", 23, 0), field("thing", UNKNOWN_TYPE, 0))));
    assertArrayEquals(new short[] {1, 0}, entry.resultFormats(true, TYPES));
  }

  /** bytea's text depends on bytea_output, which the server does not report. */
  @Test
  void byteaColumnsAreAlwaysText() {
    StatementCache.Entry entry = cache.get("SELECT id, b, bs FROM t");
    cache.learn(
        entry,
        select(
            description(
                field("id", 23, 0), field("b", Oids.BYTEA, 0), field("bs", Oids.BYTEA_ARRAY, 0))));
    assertArrayEquals(new short[] {1, 0, 0}, entry.resultFormats(true, TYPES));
  }

  @Test
  void aColumnTypeWithoutBinaryCodecSeenLaterTurnsThatColumnBackToText() {
    StatementCache.Entry entry = cache.get("SELECT * FROM t");
    cache.learn(entry, select(description(field("id", 23, 0))));
    cache.learn(entry, select(description(field("id", 23, 1), field("thing", UNKNOWN_TYPE, 1))));
    assertArrayEquals(new short[] {1, 0}, entry.resultFormats(true, TYPES));
  }

  @Test
  void resultsAreBinaryFromTheFirstRunWhenTextWouldBeReadWrongly() {
    assertArrayEquals(ALL_BINARY, cache.get("SELECT now()").resultFormats(false, TYPES));
  }

  @Test
  void aStatementWithoutRowsOrResultsTeachesNothing() {
    StatementCache.Entry entry = cache.get("UPDATE t SET x = 1");
    cache.learn(entry, results(new CommandComplete("UPDATE 1"), idle()));
    cache.learn(entry, List.of());
    assertArrayEquals(ALL_TEXT, entry.resultFormats(true, TYPES));
  }

  @Test
  void whenFullTheCacheStartsOver() {
    StatementCache.Entry first = cache.get("SELECT 0");
    cache.learn(first, select(description(field("n", 23, 0))));
    for (int i = 1; i < 1024; i++) {
      cache.get("SELECT " + i);
    }
    assertSame(first, cache.get("SELECT 0"), "still cached at capacity");
    cache.get("SELECT 1024");
    StatementCache.Entry again = cache.get("SELECT 0");
    assertNotSame(first, again);
    assertArrayEquals(
        ALL_TEXT, again.resultFormats(true, TYPES), "what was learned went with the rest");
  }
}
