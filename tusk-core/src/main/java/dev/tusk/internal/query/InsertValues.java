package dev.tusk.internal.query;

import dev.tusk.internal.query.SqlTokens.Kind;
import dev.tusk.internal.query.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A single-row {@code INSERT ... VALUES} whose every value is a placeholder used once, recognised
 * by parsing the statement's tokens, so that many rows of it can be inserted by one statement:
 * {@link #unnestSql()} gives {@code INSERT ... SELECT unnest($1), ..., unnest($n)}, whose
 * parameters are arrays of the original parameters' types, one per VALUES position.
 *
 * <p>The shape recognised, with keywords in any case and comments anywhere between tokens:
 *
 * <pre>
 * INSERT INTO name[.name[.name]] [AS alias] [(column, ...)] [OVERRIDING {SYSTEM | USER} VALUE]
 *     VALUES ($a, $b, ...) [ON CONFLICT [(...) [WHERE ...] | ON CONSTRAINT name] DO NOTHING] [;]
 * </pre>
 *
 * <p>Everything else is refused (null), so that it runs unchanged: a {@code WITH} before the
 * INSERT, {@code DEFAULT VALUES} or a query, any value that is not a lone placeholder (a function
 * call, a cast, a constant, {@code DEFAULT}), a placeholder used twice or outside VALUES, several
 * rows of VALUES, a column list with subscripts or fields ({@code a[1]}, {@code c.f}), {@code ON
 * CONFLICT ... DO UPDATE} (one statement may not update a row twice, which one statement per row
 * may), {@code RETURNING} (its rows would come back in one result rather than one per set), and
 * several statements. Whether the statement is valid is for the server to say: the rewrite is only
 * used for a statement the server has described.
 */
public final class InsertValues {

  private final String prefix;
  private final String tail;
  private final int[] parameters;

  private InsertValues(String prefix, String tail, int[] parameters) {
    this.prefix = prefix;
    this.tail = tail;
    this.parameters = parameters;
  }

  /**
   * The statement's shape if it is one that many rows can share, else null.
   *
   * @param parsed the statement, its placeholders already numbered ({@code :name} as {@code $n})
   */
  public static InsertValues recognize(ParsedSql parsed) {
    if (parsed.hasMultipleStatements() || parsed.parameterCount() == 0) {
      return null;
    }
    String sql = parsed.sql();
    return new Reader(sql, SqlTokens.of(sql), parsed.parameterCount()).read();
  }

  /** How many values a row has: the number of VALUES positions (and of parameters). */
  public int columnCount() {
    return parameters.length;
  }

  /**
   * The number of the parameter ({@code $n}, from 1) at each VALUES position, in order: the row
   * value of position {@code i} is parameter {@code parameterAt(i)} of a set.
   */
  public int parameterAt(int position) {
    return parameters[position];
  }

  /**
   * The statement that inserts many rows: the original text up to VALUES, {@code SELECT unnest($1),
   * ..., unnest($n)} with one array parameter per VALUES position (in VALUES order), and the
   * original text after the row (ON CONFLICT, the final semicolon, comments).
   *
   * <p>The arrays are unnested in the select list, where arrays of equal length advance together,
   * rather than in FROM ({@code SELECT * FROM unnest($1, $2)}), which would spread a composite
   * element over several columns and collects every row before the first is inserted; measured, the
   * select list also costs the server less per row.
   */
  public String unnestSql() {
    StringBuilder sql = new StringBuilder(prefix.length() + tail.length() + 32 + 5 * columnCount());
    sql.append(prefix);
    if (!prefix.isEmpty() && !SqlScanner.isWhitespace(prefix.charAt(prefix.length() - 1))) {
      sql.append(' ');
    }
    sql.append("SELECT ");
    for (int i = 1; i <= columnCount(); i++) {
      sql.append(i == 1 ? "unnest($" : ", unnest($").append(i).append(')');
    }
    if (!tail.isEmpty()) {
      sql.append(' ').append(tail);
    }
    return sql.toString();
  }

  /** A recursive-descent reader of the token list; each method consumes or refuses. */
  private static final class Reader {
    private final String sql;
    private final List<Token> tokens;
    private final int parameterCount;
    private int at;

    Reader(String sql, List<Token> tokens, int parameterCount) {
      this.sql = sql;
      this.tokens = tokens;
      this.parameterCount = parameterCount;
    }

    InsertValues read() {
      if (!keyword("insert") || !keyword("into") || !qualifiedName()) {
        return null;
      }
      if (keyword("as") && !name()) {
        return null;
      }
      int columns = -1;
      if (symbol('(')) {
        columns = columnList();
        if (columns < 0) {
          return null;
        }
      }
      if (keyword("overriding") && !overriding()) {
        return null;
      }
      if (!isKeyword("values")) {
        return null;
      }
      int valuesStart = tokens.get(at).start();
      at++;
      int[] parameters = row();
      if (parameters == null || (columns >= 0 && columns != parameters.length)) {
        return null;
      }
      int tailStart = at < tokens.size() ? tokens.get(at).start() : sql.length();
      if (!onConflictDoNothing() || !end() || !eachParameterOnce(parameters)) {
        return null;
      }
      return new InsertValues(
          sql.substring(0, valuesStart), sql.substring(tailStart).strip(), parameters);
    }

    /** {@code name [. name [. name]]}: a table, perhaps with its schema and database. */
    private boolean qualifiedName() {
      if (!name()) {
        return false;
      }
      for (int parts = 1; parts < 3 && symbol('.'); parts++) {
        if (!name()) {
          return false;
        }
      }
      return true;
    }

    /** {@code {SYSTEM | USER} VALUE} after OVERRIDING. */
    private boolean overriding() {
      return (keyword("system") || keyword("user")) && keyword("value");
    }

    /** {@code (name, ...)} after its opening parenthesis: the number of columns, or -1. */
    private int columnList() {
      int count = 0;
      do {
        if (!name()) {
          return -1;
        }
        count++;
      } while (symbol(','));
      return symbol(')') ? count : -1;
    }

    /** {@code ($a, $b, ...)}: the parameter numbers in order, or null. */
    private int[] row() {
      if (!symbol('(')) {
        return null;
      }
      List<Integer> numbers = new ArrayList<>();
      do {
        int number = parameter();
        if (number < 0) {
          return null;
        }
        numbers.add(number);
      } while (symbol(','));
      return symbol(')') ? numbers.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /**
     * Nothing, or {@code ON CONFLICT [target] DO NOTHING}. The target ({@code (columns or
     * expressions) [WHERE predicate]} or {@code ON CONSTRAINT name}) is stepped over with its
     * parentheses balanced; it may hold no placeholder.
     */
    private boolean onConflictDoNothing() {
      if (at == tokens.size() || isSymbol(';')) {
        return true;
      }
      if (!keyword("on") || !keyword("conflict")) {
        return false;
      }
      if (keyword("on")) {
        if (!keyword("constraint") || !name()) {
          return false;
        }
      } else if (symbol('(')) {
        if (!balanced() || (keyword("where") && !predicate())) {
          return false;
        }
      }
      return keyword("do") && keyword("nothing");
    }

    /** Steps to the parenthesis that closes one just consumed. */
    private boolean balanced() {
      int depth = 1;
      while (at < tokens.size()) {
        Token token = tokens.get(at++);
        if (token.kind() == Kind.PARAMETER) {
          return false;
        }
        if (isSymbol(token, '(')) {
          depth++;
        } else if (isSymbol(token, ')') && --depth == 0) {
          return true;
        }
      }
      return false;
    }

    /**
     * Steps over an index predicate, up to the keyword DO outside parentheses. DO is reserved, so
     * it names nothing there unless quoted or after a dot ({@code t.do}), which is a column label.
     */
    private boolean predicate() {
      int start = at;
      int depth = 0;
      while (at < tokens.size()) {
        Token token = tokens.get(at);
        boolean afterDot = at > start && isSymbol(tokens.get(at - 1), '.');
        if (token.kind() == Kind.PARAMETER || isSymbol(token, ';')) {
          return false;
        }
        if (depth == 0 && !afterDot && at > start && isKeyword("do")) {
          return true;
        }
        if (isSymbol(token, '(')) {
          depth++;
        } else if (isSymbol(token, ')') && --depth < 0) {
          return false;
        }
        at++;
      }
      return false;
    }

    /** The end of the text, after at most one semicolon. */
    private boolean end() {
      symbol(';');
      return at == tokens.size();
    }

    /** Whether the placeholders are exactly $1 to $n, each once (in any order). */
    private boolean eachParameterOnce(int[] numbers) {
      if (numbers.length != parameterCount) {
        return false;
      }
      boolean[] seen = new boolean[parameterCount + 1];
      for (int number : numbers) {
        if (number < 1 || number > parameterCount || seen[number]) {
          return false;
        }
        seen[number] = true;
      }
      // No placeholder may appear anywhere else: count them all.
      int total = 0;
      for (Token token : tokens) {
        total += token.kind() == Kind.PARAMETER ? 1 : 0;
      }
      return total == numbers.length;
    }

    private int parameter() {
      if (at == tokens.size() || tokens.get(at).kind() != Kind.PARAMETER) {
        return -1;
      }
      Token token = tokens.get(at++);
      String digits = sql.substring(token.start() + 1, token.end());
      return digits.length() > 5 ? -1 : Integer.parseInt(digits);
    }

    /** An identifier, bare or quoted. */
    private boolean name() {
      if (at == tokens.size()) {
        return false;
      }
      Kind kind = tokens.get(at).kind();
      if (kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER) {
        at++;
        return true;
      }
      return false;
    }

    private boolean keyword(String word) {
      if (isKeyword(word)) {
        at++;
        return true;
      }
      return false;
    }

    private boolean isKeyword(String word) {
      if (at == tokens.size()) {
        return false;
      }
      Token token = tokens.get(at);
      return token.kind() == Kind.WORD
          && token.end() - token.start() == word.length()
          && sql.substring(token.start(), token.end()).toLowerCase(Locale.ROOT).equals(word);
    }

    private boolean symbol(char c) {
      if (isSymbol(c)) {
        at++;
        return true;
      }
      return false;
    }

    private boolean isSymbol(char c) {
      return at < tokens.size() && isSymbol(tokens.get(at), c);
    }

    private boolean isSymbol(Token token, char c) {
      return token.kind() == Kind.SYMBOL && sql.charAt(token.start()) == c;
    }
  }
}
