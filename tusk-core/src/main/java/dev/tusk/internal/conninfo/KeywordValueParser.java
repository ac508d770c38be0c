package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;

/**
 * Parses libpq's {@code keyword = value} form: settings separated by whitespace, optional
 * whitespace around {@code =}, and values either bare or in single quotes. A backslash takes the
 * next character literally in both kinds of value, so {@code \'} and {@code \\} work inside quotes.
 */
final class KeywordValueParser {

  private final String text;
  private final Options options;
  private int position;

  /** Set after a bare secret value: a stray word next is probably the rest of that secret. */
  private String bareSecretKeyword;

  private KeywordValueParser(String text, Options options) {
    this.text = text;
    this.options = options;
  }

  /** Adds every setting of {@code text} to {@code options}. */
  static void parse(String text, Options options) {
    new KeywordValueParser(text, options).parseAll();
  }

  private void parseAll() {
    while (skipWhitespace()) {
      String keyword = keyword();
      checkNotSecretRemainder(keyword);
      skipWhitespace();
      if (atEnd() || text.charAt(position) != '=') {
        throw new ProgrammingError(
            "missing \"=\" after \"" + keyword + "\" in the connection string");
      }
      position++;
      skipWhitespace();
      boolean quoted = !atEnd() && text.charAt(position) == '\'';
      String value = quoted ? quotedValue(keyword) : bareValue(keyword);
      bareSecretKeyword = !quoted && KeywordNames.isSecret(keyword) ? keyword : null;
      options.put(keyword, value);
    }
  }

  private String keyword() {
    int start = position;
    while (!atEnd() && !isWhitespace(text.charAt(position)) && text.charAt(position) != '=') {
      position++;
    }
    if (start == position) {
      throw new ProgrammingError(
          "missing option name before \"=\" at offset " + position + " of the connection string");
    }
    return text.substring(start, position);
  }

  /**
   * Refuses to echo a word that follows a bare secret value and is no keyword: in {@code
   * password=my secret} it is part of the password.
   */
  private void checkNotSecretRemainder(String keyword) {
    if (bareSecretKeyword != null && !KeywordNames.isKnown(keyword)) {
      throw new ProgrammingError(
          "the value of "
              + bareSecretKeyword
              + " is followed by text that is not an option; quote values that contain"
              + " spaces, as in "
              + bareSecretKeyword
              + "='two words'");
    }
  }

  private String bareValue(String keyword) {
    StringBuilder value = new StringBuilder();
    while (!atEnd() && !isWhitespace(text.charAt(position))) {
      value.append(escapedOrPlain(keyword));
    }
    return value.toString();
  }

  private String quotedValue(String keyword) {
    position++;
    StringBuilder value = new StringBuilder();
    while (!atEnd() && text.charAt(position) != '\'') {
      value.append(escapedOrPlain(keyword));
    }
    if (atEnd()) {
      throw new ProgrammingError(
          "unterminated quoted value for " + keyword + " in the connection string");
    }
    position++;
    return value.toString();
  }

  /** The character at the position, or the one after a backslash; advances past both. */
  private char escapedOrPlain(String keyword) {
    char c = text.charAt(position++);
    if (c != '\\') {
      return c;
    }
    if (atEnd()) {
      throw new ProgrammingError(
          "the value of " + keyword + " ends with a lone backslash; write \\\\ for a backslash");
    }
    return text.charAt(position++);
  }

  /** Skips whitespace; false at the end of the text. */
  private boolean skipWhitespace() {
    while (!atEnd() && isWhitespace(text.charAt(position))) {
      position++;
    }
    return !atEnd();
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  /** The characters C's isspace() accepts, which is what libpq uses. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }
}
