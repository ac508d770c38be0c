package dev.tusk.jdbc;

import java.sql.SQLSyntaxErrorException;
import java.util.function.IntPredicate;

/**
 * Turns JDBC SQL into PostgreSQL SQL in one pass: each {@code ?} becomes {@code $1, $2, ...},
 * {@code ??} becomes a literal {@code ?} (for the jsonb operators {@code ?}, {@code ?|} and {@code
 * ?&}), and the JDBC escapes {@code {fn ...}}, {@code {d ...}}, {@code {t ...}}, {@code {ts ...}},
 * {@code {call ...}}, {@code {oj ...}}, {@code {escape ...}} and {@code {limit ...}} become plain
 * SQL. Quoted text, quoted identifiers, dollar-quoted bodies and comments are copied untouched, so
 * a {@code ?} or a brace inside them is left alone. {@code $n} written by the caller is left as it
 * is.
 *
 * @param sql the PostgreSQL text
 * @param parameterCount how many {@code ?} placeholders it had
 */
record JdbcSql(String sql, int parameterCount) {

  /** Translates {@code jdbcSql}; an escape that is not closed is a syntax error. */
  static JdbcSql translate(String jdbcSql) throws SQLSyntaxErrorException {
    return translate(jdbcSql, n -> false);
  }

  /**
   * Translates {@code jdbcSql}, writing the placeholders {@code voided} picks as {@code $n::void}:
   * PostgreSQL drops a parameter of type void from a function call's arguments, which is how a
   * function's OUT parameter can have a {@code ?} in the call (as pgjdbc sends them).
   */
  static JdbcSql translate(String jdbcSql, IntPredicate voided) throws SQLSyntaxErrorException {
    Translator translator = new Translator(jdbcSql, voided);
    String text = translator.run(0, jdbcSql.length());
    return new JdbcSql(text, translator.parameters);
  }

  /** The first keyword of the statement, lower-cased, or "" (for getGeneratedKeys). */
  String firstKeyword() {
    int i = Lexer.skipSpaceAndComments(sql, 0);
    int start = i;
    while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toLowerCase(java.util.Locale.ROOT);
  }

  private static final java.util.Set<String> ESCAPES =
      java.util.Set.of("fn", "d", "t", "ts", "oj", "escape", "limit", "call");

  /** The scanner's state for one translation: escapes recurse on the same placeholder count. */
  private static final class Translator {
    private final String source;
    private final IntPredicate voided;
    private int parameters;

    Translator(String source, IntPredicate voided) {
      this.source = source;
      this.voided = voided;
    }

    /** Translates {@code source[from, to)}. */
    String run(int from, int to) throws SQLSyntaxErrorException {
      StringBuilder out = new StringBuilder(to - from + 16);
      int i = from;
      while (i < to) {
        char c = source.charAt(i);
        int skipped = Lexer.quotedOrCommentEnd(source, i, to);
        if (skipped > i) {
          out.append(source, i, skipped);
          i = skipped;
        } else if (c == '?') {
          if (i + 1 < to && source.charAt(i + 1) == '?') {
            out.append('?');
            i += 2;
          } else {
            out.append('$').append(++parameters);
            if (voided.test(parameters)) {
              out.append("::void");
            }
            i++;
          }
        } else if (c == '{') {
          int close = Lexer.matchingBrace(source, i, to);
          if (close < 0) {
            throw new SQLSyntaxErrorException(
                "the JDBC escape opened at offset " + i + " is not closed by '}'", "42601");
          }
          out.append(escape(i + 1, close));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }

    /** The SQL for the escape between the braces {@code source[from, to)}. */
    private String escape(int from, int to) throws SQLSyntaxErrorException {
      int start = Lexer.skipSpaceAndComments(source, from);
      int end = start;
      while (end < to && (Character.isLetter(source.charAt(end)) || source.charAt(end) == '?')) {
        end++;
      }
      String keyword = source.substring(start, end).toLowerCase(java.util.Locale.ROOT);
      if (keyword.startsWith("?")) {
        throw new SQLSyntaxErrorException(
            "{? = call ...} has an OUT parameter: run it through Connection.prepareCall", "0A000");
      }
      if (!ESCAPES.contains(keyword)) {
        // Not a JDBC escape: keep the braces, translate what is inside.
        return "{" + run(from, to) + "}";
      }
      String body = run(end, to).strip();
      return switch (keyword) {
        case "fn" -> JdbcFunctions.translate(body);
        case "d" -> "DATE " + body;
        case "t" -> "TIME " + body;
        case "ts" -> "TIMESTAMP " + body;
        case "escape" -> "ESCAPE " + body;
        case "limit" -> "LIMIT " + body;
        case "call" -> callAsSelect(body);
        default -> body; // oj: the outer join syntax is PostgreSQL's own
      };
    }

    /** {@code {call f(a, b)}} as {@code SELECT * FROM f(a, b) AS result}, as pgjdbc does. */
    private static String callAsSelect(String body) {
      return "SELECT * FROM " + body + (body.endsWith(")") ? "" : "()") + " AS result";
    }
  }
}
