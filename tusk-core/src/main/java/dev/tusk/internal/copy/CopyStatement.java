package dev.tusk.internal.copy;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.copy.CopyOptions.Header;
import dev.tusk.internal.copy.CopyTokens.Kind;
import dev.tusk.internal.copy.CopyTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a COPY statement's options, following PostgreSQL's grammar ({@code CopyStmt} in gram.y):
 *
 * <pre>
 * COPY [BINARY] table [(column, ...)] FROM|TO target [[USING] DELIMITERS 'c'] [WITH] options [WHERE ...]
 * COPY (query) TO target [WITH] options
 * </pre>
 *
 * where options are either the parenthesized list {@code (name [value], ...)} or the older sequence
 * of {@code BINARY}, {@code CSV}, {@code HEADER}, {@code DELIMITER [AS] 'c'}, {@code NULL [AS]
 * 's'}, {@code QUOTE [AS] 'c'}, {@code ESCAPE [AS] 'c'}, {@code FORCE QUOTE ...}, {@code FORCE NOT
 * NULL ...}, {@code FORCE NULL ...}, {@code ENCODING 's'} and {@code FREEZE}.
 */
final class CopyStatement {

  /** Options that change nothing in the data's layout: accepted and left to the server. */
  private static final Set<String> SERVER_ONLY =
      Set.of(
          "freeze",
          "force_quote",
          "force_not_null",
          "force_null",
          "on_error",
          "log_verbosity",
          "reject_limit");

  private final List<Token> tokens;
  private int position;

  private CopyFormat format = CopyFormat.TEXT;
  private boolean from;
  private final List<String> table = new ArrayList<>();
  private final List<String> columns = new ArrayList<>();
  private Character delimiter;
  private String nullString;
  private String defaultString;
  private Character quote;
  private Character escape;
  private Header header = Header.NONE;

  private CopyStatement(List<Token> tokens) {
    this.tokens = tokens;
  }

  static CopyOptions parse(String sql) {
    return new CopyStatement(CopyTokens.of(sql)).read();
  }

  /** The statement's table and columns; see {@link CopyTarget#parse}. */
  static CopyTarget target(String sql) {
    CopyStatement statement = new CopyStatement(CopyTokens.of(sql));
    CopyOptions options = statement.read();
    return new CopyTarget(
        List.copyOf(statement.table),
        List.copyOf(statement.columns),
        options.format(),
        options.from());
  }

  private CopyOptions read() {
    expectWord("copy");
    if (acceptWord("binary")) {
      format = CopyFormat.BINARY;
    }
    if (acceptSymbol('(')) {
      skipParenthesized();
    } else {
      qualifiedName();
      if (acceptSymbol('(')) {
        columnList();
      }
    }
    target();
    if (acceptWord("using") || peekWord("delimiters")) {
      expectWord("delimiters");
      delimiter = character("DELIMITERS", string("DELIMITERS"));
    }
    acceptWord("with");
    if (acceptSymbol('(')) {
      genericOptions();
    } else {
      legacyOptions();
    }
    if (peekWord("where")) {
      position = tokens.size();
    }
    acceptSymbol(';');
    if (position < tokens.size()) {
      throw unexpected("the end of the statement");
    }
    return options();
  }

  private CopyOptions options() {
    CopyOptions defaults = CopyOptions.defaults(format, from);
    char chosenQuote = quote != null ? quote : defaults.quote();
    if (format != CopyFormat.CSV && (quote != null || escape != null)) {
      throw new ProgrammingError("COPY QUOTE and ESCAPE are available only in CSV mode");
    }
    if (header != Header.NONE && format == CopyFormat.BINARY) {
      throw new ProgrammingError("cannot specify HEADER in BINARY mode");
    }
    if (header == Header.MATCH && !from) {
      throw new ProgrammingError("cannot use \"match\" with HEADER in COPY TO");
    }
    return new CopyOptions(
        format,
        from,
        columns,
        delimiter != null ? delimiter : defaults.delimiter(),
        nullString != null ? nullString : defaults.nullString(),
        defaultString,
        chosenQuote,
        escape != null ? escape : chosenQuote,
        header);
  }

  /** {@code FROM STDIN}, {@code TO STDOUT}, a file name or {@code PROGRAM 'command'}. */
  private void target() {
    if (acceptWord("from")) {
      from = true;
    } else if (!acceptWord("to")) {
      throw unexpected("FROM or TO");
    }
    acceptWord("program");
    Token target = take("STDIN, STDOUT or a file name");
    if (target.kind() != Kind.WORD && target.kind() != Kind.STRING) {
      throw unexpectedAt(target, "STDIN, STDOUT or a file name");
    }
  }

  private void qualifiedName() {
    table.add(identifier("a table name"));
    while (acceptSymbol('.')) {
      table.add(identifier("a table name"));
    }
  }

  private void columnList() {
    do {
      columns.add(identifier("a column name"));
    } while (acceptSymbol(','));
    expectSymbol(')');
  }

  /** {@code (name [value], ...)}: the syntax of PostgreSQL 9.0 and later. */
  private void genericOptions() {
    do {
      Token name = take("an option name");
      if (name.kind() != Kind.WORD) {
        throw unexpectedAt(name, "an option name");
      }
      genericOption(name.text());
    } while (acceptSymbol(','));
    expectSymbol(')');
  }

  private void genericOption(String name) {
    switch (name) {
      case "format" -> format = formatNamed(word("FORMAT"));
      case "delimiter" -> delimiter = character("DELIMITER", word("DELIMITER"));
      case "null" -> nullString = word("NULL");
      case "default" -> defaultString = word("DEFAULT");
      case "quote" -> quote = character("QUOTE", word("QUOTE"));
      case "escape" -> escape = character("ESCAPE", word("ESCAPE"));
      case "header" -> header = headerValue();
      case "encoding" -> encoding(word("ENCODING"));
      default -> {
        if (!SERVER_ONLY.contains(name)) {
          throw new ProgrammingError(
              "COPY option \""
                  + name
                  + "\" is not one Tusk reads COPY data with; it understands FORMAT, DELIMITER,"
                  + " NULL, DEFAULT, QUOTE, ESCAPE, HEADER, ENCODING, and leaves FREEZE,"
                  + " FORCE_QUOTE, FORCE_NOT_NULL, FORCE_NULL, ON_ERROR, LOG_VERBOSITY and"
                  + " REJECT_LIMIT to the server");
        }
        skipGenericValue();
      }
    }
  }

  /** HEADER alone, a boolean, or MATCH. */
  private Header headerValue() {
    if (atValueEnd()) {
      return Header.PRESENT;
    }
    String value = take("a HEADER value").text().toLowerCase(Locale.ROOT);
    if (value.equals("match")) {
      return Header.MATCH;
    }
    return bool("HEADER", value) ? Header.PRESENT : Header.NONE;
  }

  /** The value of an option that Tusk leaves to the server: none, a word, or a list. */
  private void skipGenericValue() {
    if (acceptSymbol('(')) {
      skipParenthesized();
    } else if (!atValueEnd()) {
      take("a value");
    }
  }

  private boolean atValueEnd() {
    return position >= tokens.size() || peekSymbol(',') || peekSymbol(')');
  }

  /** The older syntax: keywords one after the other. */
  private void legacyOptions() {
    while (position < tokens.size() && !peekWord("where") && !peekSymbol(';')) {
      Token option = take("an option");
      switch (option.kind() == Kind.WORD ? option.text() : "") {
        case "binary" -> format = CopyFormat.BINARY;
        case "csv" -> format = CopyFormat.CSV;
        case "header" -> header = Header.PRESENT;
        case "freeze" -> {}
        case "delimiter" -> delimiter = character("DELIMITER", legacyString("DELIMITER"));
        case "null" -> nullString = legacyString("NULL");
        case "quote" -> quote = character("QUOTE", legacyString("QUOTE"));
        case "escape" -> escape = character("ESCAPE", legacyString("ESCAPE"));
        case "encoding" -> encoding(string("ENCODING"));
        case "force" -> legacyForce();
        default -> throw unexpectedAt(option, "a COPY option");
      }
    }
  }

  private String legacyString(String option) {
    acceptWord("as");
    return string(option);
  }

  /** {@code FORCE QUOTE}, {@code FORCE NOT NULL} or {@code FORCE NULL}, then columns or *. */
  private void legacyForce() {
    if (!acceptWord("quote")) {
      acceptWord("not");
      expectWord("null");
    }
    if (acceptSymbol('*')) {
      return;
    }
    do {
      identifier("a column name");
    } while (acceptSymbol(','));
  }

  private static CopyFormat formatNamed(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> CopyFormat.TEXT;
      case "csv" -> CopyFormat.CSV;
      case "binary" -> CopyFormat.BINARY;
      default -> throw new ProgrammingError("COPY format \"" + name + "\" not recognized");
    };
  }

  /** Tusk exchanges COPY data in the client encoding, UTF-8; another ENCODING would garble it. */
  private static void encoding(String name) {
    String normalized = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (!normalized.equals("utf8") && !normalized.equals("unicode")) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              "COPY ENCODING '"
                  + name
                  + "' is not supported: Tusk reads and writes COPY data as UTF-8, the"
                  + " connection's client_encoding; leave ENCODING out"));
    }
  }

  /**
   * PostgreSQL's boolean spellings ({@code parse_bool}): prefixes of true/false/yes/no, on/off,
   * 1/0.
   */
  private static boolean bool(String option, String value) {
    String text = value.toLowerCase(Locale.ROOT);
    if (text.equals("1") || isPrefix(text, "true", 1) || isPrefix(text, "yes", 1)) {
      return true;
    }
    if (text.equals("0") || isPrefix(text, "false", 1) || isPrefix(text, "no", 1)) {
      return false;
    }
    if (text.equals("on")) {
      return true;
    }
    if (isPrefix(text, "off", 2)) {
      return false;
    }
    throw new ProgrammingError(
        option + " requires a Boolean value or \"match\", not \"" + value + "\"");
  }

  private static boolean isPrefix(String text, String word, int minimum) {
    return text.length() >= minimum && word.startsWith(text);
  }

  private static char character(String option, String value) {
    if (value.length() != 1) {
      throw new ProgrammingError("COPY " + option + " must be a single one-byte character");
    }
    return value.charAt(0);
  }

  /** A value in the generic syntax: a string, a word or a number. */
  private String word(String option) {
    Token value = take("a value for " + option);
    if (value.kind() == Kind.SYMBOL) {
      throw unexpectedAt(value, "a value for " + option);
    }
    return value.text();
  }

  private String string(String option) {
    Token value = take("a string for " + option);
    if (value.kind() != Kind.STRING) {
      throw unexpectedAt(value, "a quoted string for " + option);
    }
    return value.text();
  }

  private String identifier(String what) {
    Token name = take(what);
    if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED_IDENTIFIER) {
      throw unexpectedAt(name, what);
    }
    return name.text();
  }

  /** Skips to the parenthesis that closes one already read, nested ones included. */
  private void skipParenthesized() {
    int depth = 1;
    while (depth > 0) {
      Token token = take("a closing parenthesis");
      if (token.isSymbol('(')) {
        depth++;
      } else if (token.isSymbol(')')) {
        depth--;
      }
    }
  }

  private Token take(String expected) {
    if (position >= tokens.size()) {
      throw new ProgrammingError("the COPY statement ends where " + expected + " was expected");
    }
    return tokens.get(position++);
  }

  private boolean peekWord(String word) {
    return position < tokens.size() && tokens.get(position).isWord(word);
  }

  private boolean peekSymbol(char symbol) {
    return position < tokens.size() && tokens.get(position).isSymbol(symbol);
  }

  private boolean acceptWord(String word) {
    if (peekWord(word)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(char symbol) {
    if (peekSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw unexpected(word.toUpperCase(Locale.ROOT));
    }
  }

  private void expectSymbol(char symbol) {
    if (!acceptSymbol(symbol)) {
      throw unexpected("\"" + symbol + "\"");
    }
  }

  private ProgrammingError unexpected(String expected) {
    if (position >= tokens.size()) {
      return new ProgrammingError("the COPY statement ends where " + expected + " was expected");
    }
    return unexpectedAt(tokens.get(position), expected);
  }

  private static ProgrammingError unexpectedAt(Token token, String expected) {
    return new ProgrammingError(
        "cannot read the COPY statement's options: found "
            + token
            + " where "
            + expected
            + " was expected");
  }
}
