package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a COPY statement into the tokens its options are read from: words (keywords and unquoted
 * identifiers, folded to lower case), quoted identifiers, string constants (standard, {@code
 * E'...'} and dollar-quoted, with their value), numbers and single symbols. Comments and whitespace
 * are skipped. Strings follow {@code standard_conforming_strings = on}, PostgreSQL's default.
 */
final class CopyTokens {

  /** What a token is. */
  enum Kind {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    SYMBOL
  }

  /** One token: its kind and its value (a word in lower case, a string without its quotes). */
  record Token(Kind kind, String text) {

    boolean isWord(String word) {
      return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    @Override
    public String toString() {
      return kind == Kind.STRING ? "'" + text + "'" : text;
    }
  }

  private final String sql;
  private int position;

  private CopyTokens(String sql) {
    this.sql = sql;
  }

  /**
   * The tokens of {@code sql}.
   *
   * @throws ProgrammingError for an unterminated quote or comment
   */
  static List<Token> of(String sql) {
    return new CopyTokens(sql).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (position >= sql.length()) {
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    char c = sql.charAt(position);
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      position++;
      return new Token(Kind.STRING, escapeString());
    }
    if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
      throw new ProgrammingError(
          "COPY options written with U& escapes are not supported; write the character itself");
    }
    if (c == '\'') {
      return new Token(Kind.STRING, doubled('\''));
    }
    if (c == '"') {
      return new Token(Kind.QUOTED_IDENTIFIER, doubled('"'));
    }
    if (c == '$' && dollarTagEnd() > 0) {
      return new Token(Kind.STRING, dollarString());
    }
    if (isIdentStart(c)) {
      int start = position;
      while (position < sql.length() && isIdentPart(sql.charAt(position))) {
        position++;
      }
      return new Token(Kind.WORD, sql.substring(start, position).toLowerCase(Locale.ROOT));
    }
    if (isDigit(c) || (c == '-' || c == '+' || c == '.') && isDigit(peek(1))) {
      int start = position++;
      while (position < sql.length()
          && (isDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
        position++;
      }
      return new Token(Kind.NUMBER, sql.substring(start, position));
    }
    position++;
    return new Token(Kind.SYMBOL, String.valueOf(c));
  }

  private char peek(int ahead) {
    int index = position + ahead;
    return index < sql.length() ? sql.charAt(index) : '\0';
  }

  private void skipSpaceAndComments() {
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (c == '-' && peek(1) == '-') {
        while (position < sql.length() && sql.charAt(position) != '\n') {
          position++;
        }
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest in PostgreSQL. */
  private void skipBlockComment() {
    int depth = 0;
    do {
      if (position + 1 >= sql.length()) {
        throw unterminated("comment");
      }
      if (sql.charAt(position) == '/' && peek(1) == '*') {
        depth++;
        position += 2;
      } else if (sql.charAt(position) == '*' && peek(1) == '/') {
        depth--;
        position += 2;
      } else {
        position++;
      }
    } while (depth > 0);
  }

  /** A span closed by its opening quote, written twice inside to stand for itself. */
  private String doubled(char quote) {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < sql.length()) {
      char c = sql.charAt(position++);
      if (c != quote) {
        value.append(c);
      } else if (position < sql.length() && sql.charAt(position) == quote) {
        value.append(quote);
        position++;
      } else {
        return value.toString();
      }
    }
    throw unterminated(quote == '"' ? "quoted identifier" : "string");
  }

  /** An escape string {@code E'...'}: backslash escapes as PostgreSQL reads them. */
  private String escapeString() {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < sql.length()) {
      char c = sql.charAt(position++);
      if (c == '\'') {
        if (position < sql.length() && sql.charAt(position) == '\'') {
          value.append('\'');
          position++;
          continue;
        }
        return value.toString();
      }
      if (c != '\\' || position >= sql.length()) {
        value.append(c);
        continue;
      }
      char escaped = sql.charAt(position++);
      switch (escaped) {
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'x' -> value.appendCodePoint(digits(16, 2, "x"));
        case 'u' -> value.appendCodePoint(digits(16, 4, "u"));
        case 'U' -> value.appendCodePoint(digits(16, 8, "U"));
        default -> {
          if (escaped >= '0' && escaped <= '7') {
            position--;
            value.appendCodePoint(digits(8, 3, "") & 0xFF);
          } else {
            value.append(escaped);
          }
        }
      }
    }
    throw unterminated("string");
  }

  /** Up to {@code max} digits in {@code radix} at the current position. */
  private int digits(int radix, int max, String escape) {
    int start = position;
    int value = 0;
    while (position < sql.length() && position - start < max) {
      int digit = Character.digit(sql.charAt(position), radix);
      if (digit < 0) {
        break;
      }
      value = value * radix + digit;
      position++;
    }
    if (position == start) {
      throw new ProgrammingError("invalid escape \\" + escape + " in a COPY option's string");
    }
    return value;
  }

  /** The index just past a dollar-quote opening tag at the current position, or -1. */
  private int dollarTagEnd() {
    int i = position + 1;
    if (i < sql.length() && sql.charAt(i) == '$') {
      return i + 1;
    }
    if (i >= sql.length() || !isIdentStart(sql.charAt(i))) {
      return -1;
    }
    while (i < sql.length() && isIdentPart(sql.charAt(i)) && sql.charAt(i) != '$') {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
  }

  private String dollarString() {
    int bodyStart = dollarTagEnd();
    String tag = sql.substring(position, bodyStart);
    int close = sql.indexOf(tag, bodyStart);
    if (close < 0) {
      throw unterminated("dollar-quoted string");
    }
    position = close + tag.length();
    return sql.substring(bodyStart, close);
  }

  private static ProgrammingError unterminated(String what) {
    return new ProgrammingError("the COPY statement has an unterminated " + what);
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
