package dev.tusk.internal.query;

import dev.tusk.errors.ProgrammingError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the placeholders of a SQL string in one pass, without regular expressions, stepping over
 * everything PostgreSQL's lexer treats as quoted or commented: standard strings {@code '...'} (and
 * {@code U&'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}), escape strings {@code E'...'},
 * dollar-quoted strings {@code $$...$$} and {@code $tag$...$tag$}, quoted identifiers {@code
 * "..."}, {@code --} comments and nested block comments. Standard strings are read with {@code
 * standard_conforming_strings} on, the server default since PostgreSQL 9.1.
 *
 * <p>Two placeholder styles are recognised, and one statement may use only one of them:
 *
 * <ul>
 *   <li>{@code $n}, PostgreSQL's own: a {@code $} followed by digits, unless the character before
 *       it continues an identifier (so {@code a$1} is a name). It is sent unchanged; {@code $0} and
 *       numbers above 65535 (the protocol's limit) are rejected.
 *   <li>{@code :name}: a colon followed by a letter or underscore, then letters, digits,
 *       underscores or {@code $} (a name is case-sensitive and non-ASCII letters are allowed, as in
 *       PostgreSQL identifiers). The colon starts a placeholder only when the character before it
 *       is none of: an identifier character, a digit, {@code :} or {@code ]}. So the cast {@code
 *       x::text} and the array slices {@code a[1:n]}, {@code a[i:j]} and {@code a[1:2][i:j]} are
 *       left alone, while {@code = :id}, {@code (:a, :b)} and {@code a[:i]} (a subscript, not a
 *       slice) hold placeholders. To use a placeholder as a slice's upper bound, put a space before
 *       its colon: {@code a[1: :n]}. Each distinct name becomes {@code $1}, {@code $2}, ... in
 *       order of first appearance, and a name used again gets the same number.
 * </ul>
 *
 * <p>Unterminated quotes and comments are left as written, for the server to report.
 *
 * <p>Other drivers' placeholders are noted but left alone, since they are valid SQL operators too
 * ({@code ?} is a jsonb operator, {@code %} is modulo): the first {@code ?} (not part of {@code
 * ?|}, {@code ?&}, {@code ?-} or {@code ?#}), {@code %s} or {@code %(name)s} outside quotes and
 * comments becomes {@link ParsedSql#foreignPlaceholder()}, which only error messages use, when the
 * parameters given do not match the statement's own placeholders.
 */
public final class PlaceholderParser {

  /** The protocol sends the parameter count as an unsigned 16-bit number. */
  private static final int MAX_PARAMETERS = 65535;

  private final String sql;
  private final StringBuilder rewritten = new StringBuilder();
  private int copiedUpTo;
  private final Map<String, Integer> names = new LinkedHashMap<>();
  private int highestPosition;
  private String firstPositional;
  private String foreignPlaceholder;

  /** Each placeholder as (start, end, number) in the source text, for client-side binding. */
  private int[] spans = new int[0];

  private int spanCount;

  /** The last character of the previous token, or a stand-in after quoted text or a comment. */
  private char previous = ' ';

  private int statements;
  private boolean inStatement;
  private boolean inCopy;
  private boolean copyFromStdin;
  private Boolean plannable;

  /** The first words of the statements the server plans (see {@link ParsedSql#isPlannable()}). */
  private static final List<String> PLANNED =
      List.of("select", "insert", "update", "delete", "merge", "with", "values", "table");

  private PlaceholderParser(String sql) {
    this.sql = sql;
  }

  /**
   * Parses {@code sql}.
   *
   * @throws ProgrammingError for {@code $0}, a {@code $n} above {@code $65535}, more than 65535
   *     distinct names, or {@code $n} and {@code :name} mixed in one string
   */
  public static ParsedSql parse(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new PlaceholderParser(sql).run();
  }

  private ParsedSql run() {
    int i = 0;
    while (i < sql.length()) {
      i = step(i);
    }
    if (inStatement) {
      statements++;
    }
    if (names.isEmpty()) {
      return new ParsedSql(
          sql,
          sql,
          spans(),
          highestPosition,
          List.of(),
          statements > 1,
          copyFromStdin,
          isPlannable(),
          foreignPlaceholder);
    }
    String text = rewritten.append(sql, copiedUpTo, sql.length()).toString();
    return new ParsedSql(
        sql,
        text,
        spans(),
        names.size(),
        List.copyOf(names.keySet()),
        statements > 1,
        copyFromStdin,
        isPlannable(),
        foreignPlaceholder);
  }

  /** Consumes the token or quoted span at {@code i}, returning where the next one starts. */
  private int step(int i) {
    char c = sql.charAt(i);
    char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
    return switch (c) {
      case '\'', '"' -> quoted(SqlScanner.doubledQuoteEnd(sql, i), c);
      case '$' -> dollar(i, next);
      case ':' -> colon(i, next);
      case ';' -> semicolon(i);
      case '?' -> question(i, next);
      case '%' -> percent(i, next);
      case '-' -> next == '-' ? comment(SqlScanner.lineCommentEnd(sql, i)) : plain(i);
      case '/' -> next == '*' ? comment(SqlScanner.blockCommentEnd(sql, i)) : plain(i);
      case 'e', 'E' ->
          next == '\'' && !SqlScanner.isIdentPart(previous)
              ? quoted(SqlScanner.escapeStringEnd(sql, i + 1), '\'')
              : plain(i);
      default -> plain(i);
    };
  }

  private int plain(int i) {
    char c = sql.charAt(i);
    if (!SqlScanner.isWhitespace(c)) {
      if (!inStatement) {
        inCopy = isWord(i, "copy");
        if (plannable == null) {
          plannable = startsPlannedStatement(i);
        }
      } else if (inCopy && isWord(i, "stdin")) {
        copyFromStdin = true;
      }
      inStatement = true;
    }
    previous = c;
    return i + 1;
  }

  private boolean startsPlannedStatement(int i) {
    for (String word : PLANNED) {
      if (isWord(i, word)) {
        return true;
      }
    }
    return false;
  }

  private boolean isPlannable() {
    return plannable != null && plannable;
  }

  /** Whether the bare word {@code word} (any case) starts at {@code i}. */
  private boolean isWord(int i, String word) {
    int end = i + word.length();
    return !SqlScanner.isIdentPart(previous)
        && sql.regionMatches(true, i, word, 0, word.length())
        && (end == sql.length() || !SqlScanner.isIdentPart(sql.charAt(end)));
  }

  private int quoted(int end, char closing) {
    inStatement = true;
    previous = closing;
    return end;
  }

  private int comment(int end) {
    previous = ' ';
    return end;
  }

  /** Counts statements that hold a token, so that empty ones ({@code ;;}) do not count. */
  private int semicolon(int i) {
    if (inStatement) {
      statements++;
      inStatement = false;
      inCopy = false;
    }
    previous = ';';
    return i + 1;
  }

  private int dollar(int i, char next) {
    if (SqlScanner.isIdentPart(previous)) {
      return plain(i);
    }
    if (SqlScanner.isDigit(next)) {
      return positional(i);
    }
    int delimiterEnd = SqlScanner.dollarDelimiterEnd(sql, i);
    if (delimiterEnd < 0) {
      return plain(i);
    }
    // After a dollar-quoted string, as after '...', a following $ starts a new token.
    return quoted(SqlScanner.dollarStringEnd(sql, i, delimiterEnd), '\'');
  }

  private int positional(int dollar) {
    int end = dollar + 1;
    int number = 0;
    while (end < sql.length() && SqlScanner.isDigit(sql.charAt(end))) {
      if (number <= MAX_PARAMETERS) {
        number = number * 10 + (sql.charAt(end) - '0');
      }
      end++;
    }
    String text = sql.substring(dollar, end);
    if (number == 0) {
      throw new ProgrammingError(
          text + " is not a valid placeholder: placeholders are numbered from $1");
    }
    if (number > MAX_PARAMETERS) {
      throw new ProgrammingError(
          "placeholder " + text + " is out of range: PostgreSQL accepts at most $65535");
    }
    if (!names.isEmpty()) {
      throw mixed(text, ":" + names.keySet().iterator().next());
    }
    if (firstPositional == null) {
      firstPositional = text;
    }
    highestPosition = Math.max(highestPosition, number);
    span(dollar, end, number);
    return token(end);
  }

  /** A {@code ?} that starts no jsonb or geometric operator: perhaps a JDBC placeholder. */
  private int question(int i, char next) {
    if (foreignPlaceholder == null && "|&-#".indexOf(next) < 0) {
      foreignPlaceholder = "?";
    }
    return plain(i);
  }

  /** {@code %s} or {@code %(name)s}: perhaps a psycopg placeholder. */
  private int percent(int i, char next) {
    if (foreignPlaceholder == null) {
      if (next == 's' && !SqlScanner.isIdentPart(charAt(i + 2))) {
        foreignPlaceholder = "%s";
      } else if (next == '(') {
        int close = sql.indexOf(')', i + 2);
        boolean named =
            close > i + 2
                && charAt(close + 1) == 's'
                && !SqlScanner.isIdentPart(charAt(close + 2))
                && isIdentifier(i + 2, close);
        if (named) {
          foreignPlaceholder = sql.substring(i, close + 2);
        }
      }
    }
    return plain(i);
  }

  private boolean isIdentifier(int start, int end) {
    if (!SqlScanner.isIdentStart(sql.charAt(start))) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      if (!SqlScanner.isIdentPart(sql.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private char charAt(int i) {
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  private int colon(int i, char next) {
    boolean follows = SqlScanner.isIdentPart(previous) || previous == ':' || previous == ']';
    if (follows || !SqlScanner.isIdentStart(next)) {
      return plain(i);
    }
    int end = i + 2;
    while (end < sql.length() && SqlScanner.isIdentPart(sql.charAt(end))) {
      end++;
    }
    String name = sql.substring(i + 1, end);
    if (firstPositional != null) {
      throw mixed(firstPositional, ":" + name);
    }
    Integer number = names.get(name);
    if (number == null) {
      if (names.size() == MAX_PARAMETERS) {
        throw new ProgrammingError(
            "the statement uses more than 65535 distinct named parameters, the protocol's limit");
      }
      number = names.size() + 1;
      names.put(name, number);
    }
    span(i, end, number);
    rewritten.append(sql, copiedUpTo, i).append('$').append(number);
    copiedUpTo = end;
    return token(end);
  }

  private void span(int start, int end, int number) {
    if (spanCount + 3 > spans.length) {
      spans = Arrays.copyOf(spans, Math.max(12, spans.length * 2));
    }
    spans[spanCount++] = start;
    spans[spanCount++] = end;
    spans[spanCount++] = number;
  }

  private int[] spans() {
    return Arrays.copyOf(spans, spanCount);
  }

  private int token(int end) {
    inStatement = true;
    previous = sql.charAt(end - 1);
    return end;
  }

  private static ProgrammingError mixed(String positional, String named) {
    return new ProgrammingError(
        "the statement mixes positional ("
            + positional
            + ") and named ("
            + named
            + ") placeholders; use one style");
  }
}
