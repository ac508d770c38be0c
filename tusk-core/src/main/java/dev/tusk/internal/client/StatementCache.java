package dev.tusk.internal.client;

import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.protocol.RowDescription;
import dev.tusk.internal.query.ParsedSql;
import dev.tusk.internal.query.PlaceholderParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a connection has learned about each SQL text: its parsed placeholders, and whether all of
 * its result columns can be read in binary, which is known after it has run once. Bounded: when
 * full it starts over, which costs only a re-parse and one text-format run per statement.
 */
final class StatementCache {

  private static final int CAPACITY = 1024;
  private static final short[] ALL_TEXT = new short[0];
  private static final short[] ALL_BINARY = {1};

  /** One SQL text's knowledge. */
  static final class Entry {
    private final ParsedSql parsed;
    private volatile boolean binaryResults;

    private Entry(ParsedSql parsed) {
      this.parsed = parsed;
    }

    ParsedSql parsed() {
      return parsed;
    }

    /**
     * The result formats for Bind: all binary once every column is known to have a codec, or
     * whenever text would be read wrongly ({@code textReadable} false: the session's DateStyle or
     * IntervalStyle is no longer the one the text codecs parse).
     */
    short[] resultFormats(boolean textReadable) {
      return binaryResults || !textReadable ? ALL_BINARY : ALL_TEXT;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final CodecRegistry codecs;

  StatementCache(CodecRegistry codecs) {
    this.codecs = codecs;
  }

  Entry get(String sql) {
    Entry entry = entries.get(sql);
    if (entry == null) {
      if (entries.size() >= CAPACITY) {
        entries.clear();
      }
      entry = entries.computeIfAbsent(sql, text -> new Entry(PlaceholderParser.parse(text)));
    }
    return entry;
  }

  /**
   * Records what a run revealed about the statement's result columns. Checked on every run, so a
   * schema change that brings a type without a binary codec costs at most one failed run.
   */
  void learn(Entry entry, List<StatementResult> results) {
    if (results.isEmpty() || results.get(0).description() == null) {
      return;
    }
    boolean allBinary = true;
    for (RowDescription.Field field : results.get(0).description().fields()) {
      allBinary &= codecs.hasBinary(field.typeOid());
    }
    entry.binaryResults = allBinary;
  }
}
