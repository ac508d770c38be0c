package dev.tusk.internal.client;

import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.DescribeStatement;
import dev.tusk.internal.query.InsertValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The opt-in rewrite of {@code executeMany} for a one-row INSERT (conninfo {@code
 * rewrite_batched_inserts}): {@code INSERT INTO t (a, b) VALUES ($1, $2)} runs as {@code INSERT
 * INTO t (a, b) SELECT unnest($1), unnest($2)}, each run carrying the values of many sets as one
 * array per column, so the server starts and ends one statement per chunk of sets rather than per
 * set.
 *
 * <p>The arrays' types come from the server: the original statement is described (Parse and
 * Describe, not run) with the parameter types Tusk would send, which gives the type each parameter
 * takes, then one catalog query gives each type's array type. Both are cached with the statement,
 * for as long as its parameters are sent as the same types, and forgotten when a rewritten run
 * fails (a table changed since). A statement the recognizer refuses ({@link InsertValues}), or with
 * a parameter whose type has no array type (an array column: arrays of arrays are flattened), runs
 * one set per Bind, as without the option.
 */
final class UnnestInserts {

  /** Each type's array type and text delimiter; $1 is an int8[] of type OIDs. */
  private static final String ARRAY_TYPES =
      "SELECT t.oid::int8, t.typarray::int8, t.typdelim::text"
          + " FROM unnest($1::int8[]) AS w(oid) JOIN pg_catalog.pg_type t ON t.oid = w.oid::oid";

  /**
   * What the server said of a statement's parameters when sent as {@code sentTypes}: the type of
   * each ({@code parameterTypes}), its array type and its text delimiter, indexed by parameter.
   * {@code arrayTypes} is null when some type has no array type: the rewrite does not apply.
   */
  record Described(int[] sentTypes, int[] parameterTypes, int[] arrayTypes, char[] delimiters) {

    boolean applies() {
      return arrayTypes != null;
    }
  }

  private final ConnectionCore connection;
  private final StatementCache cache;
  private final ServerCatalog catalog;

  UnnestInserts(ConnectionCore connection, StatementCache cache) {
    this.connection = connection;
    this.cache = cache;
    this.catalog = new ServerCatalog(connection);
  }

  /**
   * {@code sets} as column arrays of the rewritten statement, or {@code sets} themselves when the
   * statement is not one the rewrite applies to.
   *
   * @param timeout how long the description may take (the statement's timeout), null for no limit
   * @throws TuskException the error describing the statement raised: the statement's own error (a
   *     missing table, a failed transaction), which running it would have raised
   */
  ManySets rewrite(EachSet sets, Duration timeout) {
    InsertValues insert = sets.entry().insertValues();
    if (insert == null) {
      return sets;
    }
    Described described = describe(sets.entry(), sets.plan().types(), timeout);
    if (!described.applies()) {
      return sets;
    }
    return new ColumnArrays(sets, insert, described, cache.get(insert.unnestSql()));
  }

  /** Forgets what was described for a rewritten statement that failed; the next call asks again. */
  void failed(ManySets sets) {
    if (sets instanceof ColumnArrays arrays) {
      arrays.sets().entry().describedForUnnest(null);
    }
  }

  private Described describe(StatementCache.Entry entry, int[] sentTypes, Duration timeout) {
    Described known = entry.describedForUnnest();
    if (known != null && Arrays.equals(known.sentTypes(), sentTypes)) {
      return known;
    }
    DescribeStatement describe = new DescribeStatement(entry.parsed().sql(), sentTypes);
    connection.session().submit(describe);
    int[] types = connection.await(describe, timeout).parameterTypes();
    Described described = withArrayTypes(sentTypes, types);
    entry.describedForUnnest(described);
    return described;
  }

  private Described withArrayTypes(int[] sentTypes, int[] types) {
    Long[] wanted = new Long[types.length];
    for (int i = 0; i < types.length; i++) {
      wanted[i] = Integer.toUnsignedLong(types[i]);
    }
    Map<Integer, List<Object>> rows = new HashMap<>();
    for (List<Object> row : catalog.query(ARRAY_TYPES, (Object) wanted)) {
      rows.put((int) (long) (Long) row.get(0), row);
    }
    int[] arrays = new int[types.length];
    char[] delimiters = new char[types.length];
    for (int i = 0; i < types.length; i++) {
      List<Object> row = rows.get(types[i]);
      arrays[i] = row == null ? 0 : (int) (long) (Long) row.get(1);
      if (arrays[i] == 0) {
        return new Described(sentTypes, types, null, null);
      }
      delimiters[i] = ((String) row.get(2)).charAt(0);
    }
    return new Described(sentTypes, types, arrays, delimiters);
  }
}
