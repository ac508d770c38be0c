package dev.tusk.internal.query;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL string as {@link PlaceholderParser} read it: the text to send, with {@code :name}
 * placeholders rewritten to {@code $n}, and how many parameters it takes. Immutable, so the client
 * may cache one per SQL string and share it between threads.
 *
 * <p>{@link #toString()} is not overridden: SQL text can hold secrets ({@code ALTER ROLE ...
 * PASSWORD '...'}) and must not reach logs by accident. Error messages name placeholders only.
 */
public final class ParsedSql {

  private final String source;
  private final String sql;
  private final int[] spans;
  private final int parameterCount;
  private final List<String> parameterNames;
  private final boolean multipleStatements;
  private final boolean copyFromStdin;
  private final boolean plannable;
  private final String foreignPlaceholder;

  ParsedSql(
      String source,
      String sql,
      int[] spans,
      int parameterCount,
      List<String> parameterNames,
      boolean multipleStatements,
      boolean copyFromStdin,
      boolean plannable,
      String foreignPlaceholder) {
    this.source = source;
    this.sql = sql;
    this.spans = spans;
    this.parameterCount = parameterCount;
    this.parameterNames = parameterNames;
    this.multipleStatements = multipleStatements;
    this.copyFromStdin = copyFromStdin;
    this.plannable = plannable;
    this.foreignPlaceholder = foreignPlaceholder;
  }

  /**
   * The first placeholder of another driver's style found in the text ({@code ?}, {@code %s} or
   * {@code %(name)s}), or null. Both are also valid SQL operators, so it is only named in an error
   * when the parameters do not match the statement's own placeholders.
   */
  public String foreignPlaceholder() {
    return foreignPlaceholder;
  }

  /** The SQL as it will be sent: {@code $n} kept, {@code :name} rewritten to {@code $1..$k}. */
  public String sql() {
    return sql;
  }

  /** The highest {@code $n} used, or the number of distinct names; 0 when there is none. */
  public int parameterCount() {
    return parameterCount;
  }

  /** The names in order of first appearance ({@code $1} first); empty for positional SQL. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** Whether the SQL uses {@code :name} placeholders. */
  public boolean isNamed() {
    return !parameterNames.isEmpty();
  }

  /**
   * Whether the SQL holds more than one non-empty statement: a {@code ;} outside quotes and
   * comments is followed by more than whitespace, comments and other {@code ;}. This is lexical, so
   * a statement with semicolons of its own ({@code CREATE RULE} actions, a {@code BEGIN ATOMIC}
   * body) counts as several.
   */
  public boolean hasMultipleStatements() {
    return multipleStatements;
  }

  /**
   * Whether a statement of this text is a {@code COPY ... FROM STDIN}: a statement that starts with
   * the word COPY and names STDIN outside quotes and comments. Such a statement puts the server in
   * copy-in mode, where it would take the next pipelined request's messages as data.
   */
  public boolean copiesFromStdin() {
    return copyFromStdin;
  }

  /**
   * Whether the (first) statement is one the server plans, and so gains from being prepared: it
   * starts with SELECT, INSERT, UPDATE, DELETE, MERGE, WITH, VALUES or TABLE. Utility statements
   * (DDL, SET, transaction control...) are not worth a slot in the prepared-statement cache.
   */
  public boolean isPlannable() {
    return plannable;
  }

  /**
   * The values of {@code params} in {@code $n} order. A strict match: every name must have a value
   * ({@code null} included, meaning SQL NULL) and every key must be a name, so a typo in either
   * place is caught.
   *
   * @throws ProgrammingError naming the missing names and unexpected keys, and listing the names
   *     the SQL uses; or when the SQL uses {@code $n} placeholders, which have no names
   */
  public Object[] bind(Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    if (!isNamed() && parameterCount > 0) {
      throw new ProgrammingError(
          "the statement uses positional placeholders ("
              + placeholders()
              + "); pass the values in order, not by name (a Map meant as one json value:"
              + " execute(sql, (Object) map))");
    }
    Object[] values = new Object[parameterCount];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < parameterCount; i++) {
      String name = parameterNames.get(i);
      if (params.containsKey(name)) {
        values[i] = params.get(name);
      } else {
        missing.add(name);
      }
    }
    // Every name found is a key, so any further key is one the SQL does not use.
    boolean hasUnexpected = params.size() > parameterCount - missing.size();
    List<String> unexpected = hasUnexpected ? unexpectedKeys(params) : List.of();
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      throw mismatch(missing, unexpected);
    }
    return values;
  }

  /**
   * The source text with each placeholder replaced by {@code values[n - 1]}, for client-side
   * binding: the values must already be SQL (quoted literals), which this does not check. A value
   * follows a space unless whitespace precedes its placeholder, so that it cannot fuse with the
   * text before it ({@code U&$1} would otherwise make a Unicode-escape string).
   *
   * @param values the SQL of each parameter, in {@code $n} order; {@link #checkCount} first
   */
  public String inline(List<String> values) {
    StringBuilder out = new StringBuilder(source.length() + 16 * values.size());
    int copied = 0;
    for (int i = 0; i < spans.length; i += 3) {
      int start = spans[i];
      out.append(source, copied, start);
      if (start > 0 && !Character.isWhitespace(source.charAt(start - 1))) {
        out.append(' ');
      }
      out.append(values.get(spans[i + 2] - 1));
      copied = spans[i + 1];
    }
    return out.append(source, copied, source.length()).toString();
  }

  /**
   * Checks that {@code given} values were passed for the placeholders.
   *
   * @throws ProgrammingError when {@code given} differs from {@link #parameterCount()}
   */
  public void checkCount(int given) {
    checkCount(given, "");
  }

  private void checkCount(int given, String hint) {
    if (given == parameterCount) {
      return;
    }
    String has =
        switch (parameterCount) {
          case 0 -> "no placeholders";
          case 1 -> "1 placeholder (" + placeholders() + ")";
          default -> parameterCount + " placeholders (" + placeholders() + ")";
        };
    String were = given == 1 ? "1 parameter was given" : given + " parameters were given";
    throw new ProgrammingError("the statement has " + has + " but " + were + hint + foreignHint());
  }

  /**
   * Checks that the values of {@code params}, a varargs array, were passed for the placeholders. A
   * lone {@code String[]} or {@code Integer[]} given to a varargs method becomes the parameter list
   * itself, one element per placeholder; the error then says how to send it as one array.
   *
   * @throws ProgrammingError when the count differs from {@link #parameterCount()}
   */
  public void checkCount(Object[] params) {
    boolean spread = params.getClass() != Object[].class;
    checkCount(
        params.length,
        spread
            ? "; the "
                + params.getClass().getComponentType().getSimpleName()
                + "[] passed alone is spread over the placeholders, one element each: to send it"
                + " as one array parameter, pass Param.array(values)"
            : params.length > parameterCount
                ? "; to send an array as one parameter, pass a List or Param.array(values)"
                : "");
  }

  /**
   * What to write instead of another driver's placeholder, or nothing when the text has none: the
   * first thing a user coming from JDBC or psycopg needs to read.
   */
  private String foreignHint() {
    if (foreignPlaceholder == null) {
      return "";
    }
    String from = foreignPlaceholder.equals("?") ? "JDBC's" : "psycopg's";
    String instead =
        foreignPlaceholder.startsWith("%(")
            ? ":" + foreignPlaceholder.substring(2, foreignPlaceholder.length() - 2)
            : "$1, $2, ... (or :name with a Map)";
    return "; Tusk does not read "
        + from
        + " "
        + foreignPlaceholder
        + " placeholders: write "
        + instead
        + " where the values go";
  }

  /** The placeholders as the user wrote them: {@code $1..$N} or {@code :a, :b}. */
  private String placeholders() {
    if (isNamed()) {
      return colonList(parameterNames);
    }
    return parameterCount == 1 ? "$1" : "$1..$" + parameterCount;
  }

  private List<String> unexpectedKeys(Map<String, ?> params) {
    Set<String> used = new HashSet<>(parameterNames);
    List<String> unexpected = new ArrayList<>();
    for (String key : params.keySet()) {
      if (!used.contains(key)) {
        unexpected.add(key);
      }
    }
    // A HashMap's order is arbitrary; a sorted list makes the message reproducible.
    unexpected.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
    return unexpected;
  }

  private ProgrammingError mismatch(List<String> missing, List<String> unexpected) {
    List<String> parts = new ArrayList<>(2);
    if (!missing.isEmpty()) {
      parts.add((missing.size() == 1 ? "no value for " : "no values for ") + colonList(missing));
    }
    if (!unexpected.isEmpty()) {
      String label = unexpected.size() == 1 ? "unexpected parameter " : "unexpected parameters ";
      parts.add(label + colonList(unexpected));
    }
    String uses =
        isNamed()
            ? "the statement uses " + colonList(parameterNames)
            : "the statement has no placeholders";
    return new ProgrammingError(String.join("; ", parts) + " (" + uses + ")" + foreignHint());
  }

  private static String colonList(List<String> names) {
    StringBuilder list = new StringBuilder();
    for (String name : names) {
      if (!list.isEmpty()) {
        list.append(", ");
      }
      list.append(':').append(name);
    }
    return list.toString();
  }
}
