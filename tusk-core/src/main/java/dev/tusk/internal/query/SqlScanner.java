package dev.tusk.internal.query;

/**
 * The parts of PostgreSQL's lexer ({@code scan.l}) that decide where quoted text and comments end,
 * so that the placeholder parser can step over them. Each {@code ...End} method takes the index of
 * the opening character and returns the index just past the closing one, or the length of the SQL
 * when the span is unterminated (the server reports that syntax error, not the driver).
 *
 * <p>Character classes follow {@code scan.l}, which works on bytes: every byte of a multi-byte
 * character is an identifier character there, so every non-ASCII {@code char} is one here.
 */
final class SqlScanner {

  private SqlScanner() {}

  /** {@code ident_start}: may begin an identifier or a dollar-quote tag. */
  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /** {@code ident_cont}: may continue an identifier (a dollar-quote tag excludes {@code $}). */
  static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  /** An ASCII digit; PostgreSQL numbers and parameter numbers use no other. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code space}: the characters PostgreSQL skips between tokens. */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static boolean isNewline(char c) {
    return c == '\n' || c == '\r';
  }

  /**
   * The end of a span closed by the character that opens it, which is written twice to stand for
   * itself: a standard string {@code '...'} (also {@code U&'...'}, {@code B'...'}, {@code X'...'},
   * {@code N'...'}) or a quoted identifier {@code "..."}.
   */
  static int doubledQuoteEnd(String sql, int open) {
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

  /**
   * The end of an escape string {@code E'...'}, given the index of its quote. A backslash escapes
   * the next character, {@code ''} is a quote, and a string continued on a later line ({@code
   * 'a'<newline>'b'}) stays an escape string, as in {@code scan.l}.
   */
  static int escapeStringEnd(String sql, int open) {
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
        int continued = continuationQuote(sql, i + 1);
        if (continued < 0) {
          return i + 1;
        }
        i = continued + 1;
      }
    }
    return sql.length();
  }

  /**
   * The index of the quote that continues a string ending just before {@code from}, or -1. The gap
   * must hold a newline and nothing but whitespace and {@code --} comments ({@code quotecontinue}).
   */
  private static int continuationQuote(String sql, int from) {
    boolean newline = false;
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (isWhitespace(c)) {
        newline |= isNewline(c);
        i++;
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        i = lineCommentEnd(sql, i);
      } else {
        return newline && c == '\'' ? i : -1;
      }
    }
    return -1;
  }

  /** The end of a {@code --} comment: the newline that ends it is left to the caller. */
  static int lineCommentEnd(String sql, int start) {
    int i = start + 2;
    while (i < sql.length() && !isNewline(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of a block comment; block comments nest, unlike in the SQL standard. */
  static int blockCommentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i + 1 < sql.length()) {
      char c = sql.charAt(i);
      char next = sql.charAt(i + 1);
      if (c == '/' && next == '*') {
        depth++;
        i += 2;
      } else if (c == '*' && next == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /**
   * The end of the dollar-quote delimiter ({@code $$} or {@code $tag$}) starting at {@code dollar},
   * or -1 when there is none there. A tag is an identifier without {@code $}, so {@code $1} is
   * never a delimiter.
   */
  static int dollarDelimiterEnd(String sql, int dollar) {
    int i = dollar + 1;
    if (i < sql.length() && isIdentStart(sql.charAt(i))) {
      i++;
      while (i < sql.length() && sql.charAt(i) != '$' && isIdentPart(sql.charAt(i))) {
        i++;
      }
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
  }

  /**
   * The end of a dollar-quoted string whose opening delimiter spans {@code [dollar, delimiterEnd)}:
   * the first repeat of that delimiter closes it, nothing inside is special.
   */
  static int dollarStringEnd(String sql, int dollar, int delimiterEnd) {
    String delimiter = sql.substring(dollar, delimiterEnd);
    int close = sql.indexOf(delimiter, delimiterEnd);
    return close < 0 ? sql.length() : close + delimiter.length();
  }
}
