package dev.tusk.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens the way PostgreSQL's lexer ({@code scan.l}) bounds them, as far as a
 * statement's shape needs: bare words (identifiers and keywords), quoted identifiers, string
 * constants of every kind, {@code $n} parameters, numbers, and single characters for the rest.
 * Whitespace and comments separate tokens and are dropped. The spans of quoted text and comments
 * come from {@link SqlScanner}, so they end exactly where the placeholder parser's do; an
 * unterminated one runs to the end of the text (an unterminated block comment is then a token).
 */
final class SqlTokens {

  /** What a token is. */
  enum Kind {
    /** An unquoted identifier or keyword: {@code insert}, {@code my_table}, {@code a$b}. */
    WORD,
    /** A quoted identifier: {@code "Mixed Case"}, {@code U&"d\0061t"}. */
    QUOTED_IDENTIFIER,
    /** A string constant: {@code '...'}, {@code E'...'}, {@code B'...'}, {@code $$...$$}, .... */
    STRING,
    /** A parameter: {@code $1}. */
    PARAMETER,
    /** A numeric constant, read loosely (digits, letters, underscores and dots). */
    NUMBER,
    /** Any other single character: punctuation or part of an operator. */
    SYMBOL
  }

  /** One token: its kind and its span {@code [start, end)} in the text. */
  record Token(Kind kind, int start, int end) {}

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();

  private SqlTokens(String sql) {
    this.sql = sql;
  }

  /** The tokens of {@code sql}, in order. */
  static List<Token> of(String sql) {
    SqlTokens reader = new SqlTokens(sql);
    reader.run();
    return reader.tokens;
  }

  private void run() {
    int i = 0;
    while (i < sql.length()) {
      i = step(i);
    }
  }

  /** Reads what starts at {@code i}: a token, whitespace or a comment; returns where it ends. */
  private int step(int i) {
    char c = sql.charAt(i);
    char next = charAt(i + 1);
    if (SqlScanner.isWhitespace(c)) {
      return i + 1;
    }
    if (c == '-' && next == '-') {
      return SqlScanner.lineCommentEnd(sql, i);
    }
    if (c == '/' && next == '*') {
      return blockComment(i);
    }
    if (c == '\'') {
      return add(Kind.STRING, i, SqlScanner.doubledQuoteEnd(sql, i));
    }
    if (c == '"') {
      return add(Kind.QUOTED_IDENTIFIER, i, SqlScanner.doubledQuoteEnd(sql, i));
    }
    if (c == '$') {
      return dollar(i);
    }
    if (SqlScanner.isDigit(c) || (c == '.' && SqlScanner.isDigit(next))) {
      return add(Kind.NUMBER, i, numberEnd(i));
    }
    if (SqlScanner.isIdentStart(c)) {
      return word(i);
    }
    return add(Kind.SYMBOL, i, i + 1);
  }

  /**
   * Steps over a block comment. One left open swallows the rest of the text, which the server
   * refuses; it becomes a token, so that no shape read from the tokens can be mistaken for valid.
   */
  private int blockComment(int start) {
    int end = SqlScanner.blockCommentEnd(sql, start);
    // Closed exactly at the end of the text, it would also close with a character appended.
    if (end == sql.length() && SqlScanner.blockCommentEnd(sql + ' ', start) != end) {
      return add(Kind.SYMBOL, start, end);
    }
    return end;
  }

  /** A word, or the prefix of a string ({@code E'}, {@code B'}, {@code X'}, {@code N'}, U&). */
  private int word(int start) {
    int end = start + 1;
    while (end < sql.length() && SqlScanner.isIdentPart(sql.charAt(end))) {
      end++;
    }
    if (end == start + 1 && charAt(end) == '\'') {
      char prefix = Character.toLowerCase(sql.charAt(start));
      if (prefix == 'e') {
        return add(Kind.STRING, start, SqlScanner.escapeStringEnd(sql, end));
      }
      if (prefix == 'b' || prefix == 'x' || prefix == 'n') {
        return add(Kind.STRING, start, SqlScanner.doubledQuoteEnd(sql, end));
      }
    }
    boolean unicode = end == start + 1 && Character.toLowerCase(sql.charAt(start)) == 'u';
    if (unicode && charAt(end) == '&' && (charAt(end + 1) == '\'' || charAt(end + 1) == '"')) {
      Kind kind = charAt(end + 1) == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
      return add(kind, start, SqlScanner.doubledQuoteEnd(sql, end + 1));
    }
    return add(Kind.WORD, start, end);
  }

  /** A parameter, a dollar-quoted string, or a lone {@code $}. */
  private int dollar(int i) {
    if (SqlScanner.isDigit(charAt(i + 1))) {
      int end = i + 1;
      while (end < sql.length() && SqlScanner.isDigit(sql.charAt(end))) {
        end++;
      }
      return add(Kind.PARAMETER, i, end);
    }
    int delimiterEnd = SqlScanner.dollarDelimiterEnd(sql, i);
    if (delimiterEnd < 0) {
      return add(Kind.SYMBOL, i, i + 1);
    }
    return add(Kind.STRING, i, SqlScanner.dollarStringEnd(sql, i, delimiterEnd));
  }

  private int numberEnd(int start) {
    int end = start + 1;
    while (end < sql.length()) {
      char c = sql.charAt(end);
      if (!SqlScanner.isDigit(c) && c != '.' && c != '_' && !Character.isLetter(c)) {
        break;
      }
      end++;
    }
    return end;
  }

  private int add(Kind kind, int start, int end) {
    tokens.add(new Token(kind, start, end));
    return end;
  }

  private char charAt(int i) {
    return i < sql.length() ? sql.charAt(i) : '\0';
  }
}
