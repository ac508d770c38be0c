package dev.tusk.jdbc;

/**
 * Quoting for the few statements the driver writes itself where PostgreSQL takes no parameter
 * ({@code SET}, {@code SAVEPOINT}): identifiers in double quotes and literals in single quotes,
 * each with its quote doubled. Standard-conforming strings (the default since 9.1) make backslashes
 * plain characters, so only the quote needs doubling.
 */
final class SqlText {

  private SqlText() {}

  static String identifier(String name) {
    if (name == null || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an identifier cannot be null or hold a NUL character");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a literal cannot hold a NUL character");
    }
    return "'" + value.replace("'", "''") + "'";
  }
}
