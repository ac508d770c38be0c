package dev.tusk.jdbc;

import java.util.Locale;
import java.util.Map;

/**
 * The JDBC scalar functions of {@code {fn ...}} that PostgreSQL spells differently. Every other
 * function is passed through as written: PostgreSQL has most of them under the JDBC name ({@code
 * abs}, {@code lower}, {@code concat}, {@code substring}, ...).
 */
final class JdbcFunctions {

  /** JDBC name → PostgreSQL name, for functions that take the same arguments. */
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("ucase", "upper"),
          Map.entry("lcase", "lower"),
          Map.entry("ifnull", "coalesce"),
          Map.entry("char", "chr"),
          Map.entry("log", "ln"),
          Map.entry("log10", "log"),
          Map.entry("truncate", "trunc"),
          Map.entry("rand", "random"),
          Map.entry("char_length", "char_length"),
          Map.entry("character_length", "char_length"));

  /** JDBC functions without arguments → PostgreSQL expressions. */
  private static final Map<String, String> NILADIC =
      Map.of(
          "curdate", "current_date",
          "curtime", "current_time",
          "now", "now()",
          "database", "current_database()",
          "user", "current_user",
          "pi", "pi()");

  private JdbcFunctions() {}

  /** The PostgreSQL for the body of a {@code {fn ...}} escape, e.g. {@code ucase(name)}. */
  static String translate(String call) {
    int paren = call.indexOf('(');
    String name = (paren < 0 ? call : call.substring(0, paren)).strip();
    String lower = name.toLowerCase(Locale.ROOT);
    String arguments = paren < 0 ? "" : call.substring(paren);
    if (NILADIC.containsKey(lower)
        && (arguments.isEmpty() || arguments.replace(" ", "").equals("()"))) {
      return NILADIC.get(lower);
    }
    String renamed = RENAMED.get(lower);
    return renamed == null ? call : renamed + arguments;
  }
}
