package dev.tusk.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL given to {@code prepareCall}, read as JDBC's call escape, and the PostgreSQL statements
 * it can run as: a procedure's {@code CALL}, a function's value ({@code SELECT f(...)}) or a
 * function's row ({@code SELECT * FROM f(...) AS result}, which spreads OUT parameters over
 * columns). SQL that is not a call escape ({@code CALL p(?)}, a {@code SELECT}) runs as written.
 *
 * @param routine the call inside the escape ({@code r(?, ?)}), or the whole SQL when not an escape
 * @param returnsValue whether the escape starts with {@code ? =}
 * @param escaped whether the SQL is a call escape at all
 */
record CallEscape(String routine, boolean returnsValue, boolean escaped) {

  private static final Pattern RETURN_CALL =
      Pattern.compile(
          "\\s*\\{\\s*\\?\\s*=\\s*call\\s+(.*)}\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CALL_ESCAPE =
      Pattern.compile("\\s*\\{\\s*call\\s+(.*)}\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  static CallEscape parse(String jdbcSql) {
    Matcher function = RETURN_CALL.matcher(jdbcSql);
    if (function.matches()) {
      return new CallEscape(function.group(1).strip(), true, true);
    }
    Matcher call = CALL_ESCAPE.matcher(jdbcSql);
    if (call.matches()) {
      return new CallEscape(call.group(1).strip(), false, true);
    }
    return new CallEscape(jdbcSql, false, false);
  }

  /**
   * As a procedure: {@code CALL r(...)}, a return value's {@code ?} first among the arguments (as
   * pgjdbc sends it), so each JDBC parameter {@code i} is {@code $i}.
   */
  String asProcedure() {
    if (!escaped) {
      return routine;
    }
    return "CALL " + (returnsValue ? withFirstArgument() : withArguments());
  }

  /** As a function's value: {@code SELECT f(...)}, the return value not among the arguments. */
  String asFunctionValue() {
    return "SELECT " + withArguments();
  }

  /** As a function's row: {@code SELECT * FROM f(...) AS result}, one column per OUT value. */
  String asFunctionRow() {
    return "SELECT * FROM " + withArguments() + " AS result";
  }

  /** How far a function form's {@code $n} lags behind the JDBC index: 1 past a return value. */
  int functionShift() {
    return returnsValue ? 1 : 0;
  }

  /** The routine with its argument list: {@code {call f}} may leave the parentheses out. */
  private String withArguments() {
    return routine.endsWith(")") ? routine : routine + "()";
  }

  /** The routine with {@code ?} put before its first argument. */
  private String withFirstArgument() {
    String call = withArguments();
    int open = argumentsStart(call);
    boolean none = call.substring(open + 1, call.length() - 1).isBlank();
    return call.substring(0, open + 1) + (none ? "?)" : "?, " + call.substring(open + 1));
  }

  /** The parenthesis that opens the arguments: the first one outside a quoted name. */
  private static int argumentsStart(String call) {
    boolean quoted = false;
    for (int i = 0; i < call.length(); i++) {
      char c = call.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '(' && !quoted) {
        return i;
      }
    }
    return call.length() - 2; // the "()" withArguments added
  }
}
