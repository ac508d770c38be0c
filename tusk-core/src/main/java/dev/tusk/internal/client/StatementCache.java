package dev.tusk.internal.client;

import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.protocol.RowDescription;
import dev.tusk.internal.query.InsertValues;
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

  /** One SQL text's knowledge. */
  static final class Entry {
    private final ParsedSql parsed;

    /** The result column types of the last run; null before the first. */
    private volatile int[] resultTypes;

    /** The formats last chosen, kept while the types and the registry they came from stay. */
    private volatile ChosenFormats chosen;

    /** The result columns last resolved for this statement's rows. */
    private final ColumnsMemo columns = new ColumnsMemo();

    /** How its parameters were last sent, for the next run with values of the same classes. */
    private final ParameterBinder.LastPlan parameterPlan = new ParameterBinder.LastPlan();

    /** The statement as a one-row INSERT, once recognised; {@link #NOT_AN_INSERT} if it is not. */
    private volatile Object insert;

    /** What the server said of the parameters, for the unnest rewrite; null until asked. */
    private volatile UnnestInserts.Described describedForUnnest;

    private Entry(ParsedSql parsed) {
      this.parsed = parsed;
    }

    ParsedSql parsed() {
      return parsed;
    }

    /**
     * The result formats for Bind: once the column types are known, per column as {@link
     * BindFormats#choose} says for {@code types} (the registry of the cursor that runs it); all
     * text before the first run. All binary whenever text would be read wrongly ({@code
     * textReadable} false: the session's DateStyle or IntervalStyle is no longer the one the text
     * codecs parse).
     */
    short[] resultFormats(boolean textReadable, TypeScope types) {
      if (!textReadable) {
        return BindFormats.ALL_BINARY;
      }
      int[] known = resultTypes;
      if (known == null) {
        return BindFormats.ALL_TEXT;
      }
      CodecRegistry registry = types.registry();
      ChosenFormats last = chosen;
      if (last != null && last.types() == known && last.registry() == registry) {
        // The same array each run, so the prepared statement's formatted description is reused.
        return last.formats();
      }
      short[] formats = BindFormats.choose(known, types);
      if (registry.findsAll(known)) {
        // Types found in the catalog may still be learned later, and then read in binary.
        chosen = new ChosenFormats(known, registry, formats);
      }
      return formats;
    }

    /** Whether a run (or a Describe) has shown the result column types. */
    boolean knowsResultTypes() {
      return resultTypes != null;
    }

    /** The memo of this statement's resolved result columns. */
    ColumnsMemo columns() {
      return columns;
    }

    /** The plan its parameters were last sent with. */
    ParameterBinder.LastPlan parameterPlan() {
      return parameterPlan;
    }

    /** The statement as a one-row INSERT whose rows can share a statement, or null. */
    InsertValues insertValues() {
      Object known = insert;
      if (known == null) {
        // Read on first use only: most statements never run with the rewrite on.
        InsertValues recognized = InsertValues.recognize(parsed);
        known = recognized == null ? NOT_AN_INSERT : recognized;
        insert = known;
      }
      return known instanceof InsertValues values ? values : null;
    }

    UnnestInserts.Described describedForUnnest() {
      return describedForUnnest;
    }

    void describedForUnnest(UnnestInserts.Described described) {
      describedForUnnest = described;
    }
  }

  /** Marks a statement read and found not to be a one-row INSERT. */
  private static final Object NOT_AN_INSERT = new Object();

  /** Result formats chosen for one array of column types with one registry. */
  private record ChosenFormats(int[] types, CodecRegistry registry, short[] formats) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

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
   * Records what a run revealed about the statement's result columns: their types, whose codecs
   * decide the next run's formats. Recorded on every run, so a schema change that brings a type
   * without a binary codec costs at most one failed run.
   */
  void learn(Entry entry, List<StatementResult> results) {
    if (!results.isEmpty()) {
      learn(entry, results.get(0).description());
    }
  }

  /** Records the statement's result columns as a run or a Describe showed them (null: none). */
  void learn(Entry entry, RowDescription columns) {
    if (columns == null) {
      return;
    }
    RowDescription.Field[] fields = columns.fields();
    if (sameTypes(fields, entry.resultTypes)) {
      return;
    }
    int[] types = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      types[i] = fields[i].typeOid();
    }
    entry.resultTypes = types;
  }

  private static boolean sameTypes(RowDescription.Field[] fields, int[] known) {
    if (known == null || known.length != fields.length) {
      return false;
    }
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].typeOid() != known[i]) {
        return false;
      }
    }
    return true;
  }
}
