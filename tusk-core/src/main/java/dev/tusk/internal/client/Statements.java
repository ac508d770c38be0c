package dev.tusk.internal.client;

import dev.tusk.errors.NotSupportedError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.SimpleQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.query.ParsedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a cursor's calls into exchanges: chooses the protocol, binds parameters through the codecs
 * and learns which statements can return binary results.
 *
 * <p>A single statement runs over the extended protocol, even without parameters, so its results
 * can come back in binary. Several statements in one text, which only the simple protocol allows,
 * run over it when there are no parameters.
 */
final class Statements {

  private final TuskConnection connection;
  private final StatementCache cache = new StatementCache();

  Statements(TuskConnection connection) {
    this.connection = connection;
  }

  /** Runs {@code sql} with positional parameters, sent through {@code types}. */
  List<StatementResult> run(String sql, Object[] params, TypeScope types) {
    StatementCache.Entry entry = cache.get(sql);
    ParsedSql parsed = entry.parsed();
    refuseCopyFromStdin(parsed);
    if (params.length == 0 && (parsed.hasMultipleStatements() || parsed.parameterCount() > 0)) {
      // Left to the server as written: a script, or text that only looks like it has
      // placeholders (the server reports a real missing parameter itself).
      return connection.runStatement(new SimpleQuery(sql));
    }
    if (parsed.isNamed()) {
      throw new ProgrammingError(
          "the statement uses named placeholders "
              + parsed.parameterNames()
              + ": pass the parameters as a Map");
    }
    parsed.checkCount(params.length);
    return runExtended(entry, List.<Object[]>of(params), types);
  }

  /** Runs {@code sql} with named parameters, sent through {@code types}. */
  List<StatementResult> run(String sql, Map<String, ?> params, TypeScope types) {
    StatementCache.Entry entry = cache.get(sql);
    refuseCopyFromStdin(entry.parsed());
    return runExtended(entry, List.<Object[]>of(entry.parsed().bind(params)), types);
  }

  /** Runs {@code sql} once per parameter set, in one round trip. */
  List<StatementResult> runMany(String sql, List<?> paramSets, TypeScope types) {
    if (paramSets.isEmpty()) {
      return List.of();
    }
    StatementCache.Entry entry = cache.get(sql);
    ParsedSql parsed = entry.parsed();
    refuseCopyFromStdin(parsed);
    List<Object[]> sets = new ArrayList<>(paramSets.size());
    for (int i = 0; i < paramSets.size(); i++) {
      Object[] values = toValues(parsed, paramSets.get(i), i);
      parsed.checkCount(values.length);
      sets.add(values);
    }
    return runExtended(entry, sets, types);
  }

  /**
   * Refused before anything is sent: in copy-in mode the server would read the requests pipelined
   * behind the COPY as its data.
   */
  private static void refuseCopyFromStdin(ParsedSql parsed) {
    if (parsed.copiesFromStdin()) {
      throw new NotSupportedError(
          "COPY ... FROM STDIN needs a COPY API, which Tusk does not have yet;"
              + " use INSERT with executeMany, or COPY FROM a server-side file");
    }
  }

  private static Object[] toValues(ParsedSql parsed, Object set, int index) {
    if (set instanceof Object[] array) {
      return array;
    } else if (set instanceof List<?> list) {
      return list.toArray();
    } else if (set instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> named = (Map<String, ?>) map;
      return parsed.bind(named);
    }
    throw new ProgrammingError(
        "parameter set "
            + (index + 1)
            + " is a "
            + (set == null ? "null" : set.getClass().getName())
            + "; each set must be an Object[], a List or a Map");
  }

  private List<StatementResult> runExtended(
      StatementCache.Entry entry, List<Object[]> sets, TypeScope types) {
    ParsedSql parsed = entry.parsed();
    ParameterBinder.Bound bound = new ParameterBinder(types).bind(parsed.parameterCount(), sets);
    ExtendedQuery query =
        new ExtendedQuery(
            parsed.sql(),
            bound.types(),
            bound.sets(),
            entry.resultFormats(connection.textResultsReadable(), types));
    List<StatementResult> results = connection.runStatement(query);
    cache.learn(entry, results);
    return results;
  }
}
