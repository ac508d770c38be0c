package dev.tusk.jdbc;

/**
 * Where PostgreSQL's quoted text and comments end, so that {@link JdbcSql} can copy them untouched:
 * standard strings {@code '...'}, escape strings {@code E'...'}, quoted identifiers {@code "..."},
 * dollar-quoted strings {@code $tag$...$tag$}, {@code --} comments and nested block comments.
 * Unterminated spans run to the end, for the server to report.
 */
final class Lexer {

  private Lexer() {}

  /**
   * The index just past the quoted text or comment that starts at {@code i}, or {@code i} itself
   * when none starts there. Never beyond {@code to}.
   */
  static int quotedOrCommentEnd(String sql, int i, int to) {
    char c = sql.charAt(i);
    int end =
        switch (c) {
          case '\'' -> isEscapeStringQuote(sql, i) ? escapeStringEnd(sql, i) : doubledEnd(sql, i);
          case '"' -> doubledEnd(sql, i);
          case '-' -> startsWith(sql, i, "--") ? lineEnd(sql, i) : i;
          case '/' -> startsWith(sql, i, "/*") ? blockCommentEnd(sql, i) : i;
          case '$' -> dollarQuoteEnd(sql, i);
          default -> i;
        };
    return Math.min(end, to);
  }

  /** The index of the {@code '}'} closing the brace at {@code open}, or -1. */
  static int matchingBrace(String sql, int open, int to) {
    int depth = 0;
    int i = open;
    while (i < to) {
      int skipped = quotedOrCommentEnd(sql, i, to);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = sql.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * Whether {@code sql} holds more than one statement: a semicolon outside quotes and comments with
   * more than whitespace and comments after it.
   */
  static boolean hasSeveralStatements(String sql) {
    int i = 0;
    while (i < sql.length()) {
      int skipped = quotedOrCommentEnd(sql, i, sql.length());
      if (skipped > i) {
        i = skipped;
      } else if (sql.charAt(i) == ';') {
        int next = skipSpaceAndComments(sql, i + 1);
        while (next < sql.length() && sql.charAt(next) == ';') {
          next = skipSpaceAndComments(sql, next + 1);
        }
        if (next < sql.length()) {
          return true;
        }
        i = next;
      } else {
        i++;
      }
    }
    return false;
  }

  /** The first index at or after {@code i} that is neither whitespace nor in a comment. */
  static int skipSpaceAndComments(String sql, int i) {
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (startsWith(sql, i, "--")) {
        i = lineEnd(sql, i);
      } else if (startsWith(sql, i, "/*")) {
        i = blockCommentEnd(sql, i);
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean startsWith(String sql, int i, String prefix) {
    return sql.startsWith(prefix, i);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  /** A quote after a lone {@code E} or {@code e} opens an escape string, where {@code \'} hides. */
  private static boolean isEscapeStringQuote(String sql, int quote) {
    if (quote == 0 || (sql.charAt(quote - 1) != 'E' && sql.charAt(quote - 1) != 'e')) {
      return false;
    }
    return quote < 2 || !isIdentifierPart(sql.charAt(quote - 2));
  }

  private static int doubledEnd(String sql, int open) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) != quote) {
        i++;
      } else if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return sql.length();
  }

  private static int escapeStringEnd(String sql, int open) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c != '\'') {
        i++;
      } else if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return sql.length();
  }

  private static int lineEnd(String sql, int start) {
    int i = start;
    while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int blockCommentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (startsWith(sql, i, "/*")) {
        depth++;
        i += 2;
      } else if (startsWith(sql, i, "*/")) {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /**
   * The end of a dollar-quoted string opening at {@code i} ({@code $$} or {@code $tag$}, where the
   * tag cannot start with a digit, so {@code $1} is a parameter), or {@code i} when none opens.
   */
  private static int dollarQuoteEnd(String sql, int i) {
    if (i > 0 && isIdentifierPart(sql.charAt(i - 1))) {
      return i;
    }
    int j = i + 1;
    if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
      while (j < sql.length() && sql.charAt(j) != '$' && isIdentifierPart(sql.charAt(j))) {
        j++;
      }
    }
    if (j >= sql.length() || sql.charAt(j) != '$') {
      return i;
    }
    String tag = sql.substring(i, j + 1);
    int close = sql.indexOf(tag, j + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }
}
