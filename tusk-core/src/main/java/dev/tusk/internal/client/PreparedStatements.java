package dev.tusk.internal.client;

import dev.tusk.Preparation;
import dev.tusk.internal.conninfo.StatementSettings;
import dev.tusk.internal.engine.PreparedStatement;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statements a connection prepares on the server, as psycopg does: a statement (its text and
 * parameter types) that has run {@code prepareThreshold} times is prepared on its next run; at most
 * {@code statementCacheSize} stay prepared, and the least recently used is closed when another
 * would exceed that.
 *
 * <p>Not thread-safe by itself: callers hold the session's exclusive lock while they plan a request
 * and queue it, so that no statement is closed between being chosen and being sent.
 */
final class PreparedStatements {

  /** How one execution runs. */
  sealed interface Plan {}

  /** In the unnamed statement: Parse every time. */
  record Unnamed() implements Plan {}

  /** Parse and describe under a name now, for later runs. */
  record Prepare(PreparedStatement statement) implements Plan {}

  /** By Bind and Execute alone. */
  record Use(PreparedStatement statement) implements Plan {}

  private static final Unnamed UNNAMED = new Unnamed();

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * {@code tusk_<12 random hex digits>_}: behind pgbouncer in transaction mode, clients share
   * server connections, so names must not collide between clients (as pgx and psycopg name theirs).
   */
  private static String namePrefix() {
    return "tusk_" + HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(4) + "_";
  }

  /** A statement's identity: the same text with other parameter types is another statement. */
  private record Key(String sql, int[] types) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.sql.equals(sql) && Arrays.equals(key.types, types);
    }

    @Override
    public int hashCode() {
      return sql.hashCode() * 31 + Arrays.hashCode(types);
    }
  }

  private final int threshold;
  private final int capacity;
  private final Map<Key, Integer> runs;
  // Each statement kept as the plan that uses it, so that a run by Bind and Execute alone, the
  // common case, allocates no plan.
  private final Map<Key, Use> statements = new LinkedHashMap<>(16, 0.75f, true);
  private final List<String> evicted = new ArrayList<>();
  private final String namePrefix = namePrefix();
  private long lastName;

  PreparedStatements(StatementSettings settings) {
    this.threshold = settings.preparesStatements() ? settings.prepareThreshold() : -1;
    this.capacity = settings.statementCacheSize();
    this.runs = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * How to run {@code sql} with {@code types} this time.
   *
   * @param prepare the caller's choice
   * @param preparedInBatch statements prepared earlier in the request being built: usable at once,
   *     since an error in their Parse would skip the rest of the request anyway; null for none
   */
  Plan plan(String sql, int[] types, Preparation prepare, Set<PreparedStatement> preparedInBatch) {
    boolean automatic = prepare == Preparation.AUTOMATIC;
    if (capacity == 0 || prepare == Preparation.NEVER || (threshold < 0 && automatic)) {
      return UNNAMED;
    }
    Key key = new Key(sql, types);
    Use use = statements.get(key);
    if (use != null) {
      PreparedStatement statement = use.statement();
      // Until the server has described it, its Parse may still fail: others parse it unnamed.
      return statement.isDescribed()
              || (preparedInBatch != null && preparedInBatch.contains(statement))
          ? use
          : UNNAMED;
    }
    int count = runs.merge(key, 1, Integer::sum);
    if (automatic && count <= threshold) {
      trim(runs.keySet().iterator(), runs.size());
      return UNNAMED;
    }
    runs.remove(key);
    PreparedStatement statement = new PreparedStatement(namePrefix + ++lastName, sql, types);
    statements.put(key, new Use(statement));
    Iterator<Use> oldest = statements.values().iterator();
    while (statements.size() > capacity) {
      evicted.add(oldest.next().statement().name());
      oldest.remove();
    }
    return new Prepare(statement);
  }

  /** Keeps the run counts as bounded as the statements themselves. */
  private void trim(Iterator<Key> oldest, int size) {
    for (int excess = size - capacity; excess > 0; excess--) {
      oldest.next();
      oldest.remove();
    }
  }

  /** The names evicted since the last call, to be closed on the server. */
  List<String> takeEvicted() {
    if (evicted.isEmpty()) {
      return List.of();
    }
    List<String> names = List.copyOf(evicted);
    evicted.clear();
    return names;
  }

  /**
   * Forgets a statement whose Parse failed before the server described it: it does not exist, and
   * its text may be prepared again later.
   */
  void forgetUndescribed(PreparedStatement statement) {
    if (!statement.isDescribed()) {
      statements.values().removeIf(use -> use.statement() == statement);
    }
  }

  /**
   * Forgets every statement, for a schema change that invalidated cached plans: their names are
   * added to the evicted ones, to be closed.
   */
  void invalidate() {
    for (Use use : statements.values()) {
      evicted.add(use.statement().name());
    }
    statements.clear();
    runs.clear();
  }

  /** Forgets every statement that the server has dropped itself (DISCARD ALL, DEALLOCATE ALL). */
  void dropped() {
    statements.clear();
    runs.clear();
    evicted.clear();
  }

  /** How many statements are prepared or being prepared. */
  int size() {
    return statements.size();
  }
}
