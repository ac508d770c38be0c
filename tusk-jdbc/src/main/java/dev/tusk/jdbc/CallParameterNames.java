package dev.tusk.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the parameter names of a call ({@code setInt("qty", 3)}) to the indexes of its {@code
 * ?}s. The routine the call names is looked up in pg_proc (schema-qualified, or along the search
 * path), and a name's position among the arguments a call passes is the position of its {@code ?}:
 * IN, INOUT and VARIADIC arguments for a function, or all of them, OUT ones too, when the call has
 * exactly that many (each OUT one's {@code ?} is then sent as {@code void}, see {@link
 * JdbcCallableStatement}); every argument for a procedure, OUT ones too (PostgreSQL 14+ takes them
 * in CALL). So every argument of the call must be a {@code ?}. Among overloads, those that accept
 * the call's argument count are kept, and they must agree on the name's position. The catalog is
 * read once per statement, at the first name.
 */
final class CallParameterNames {

  private static final String NAME = "\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*";

  private static final Pattern CALL =
      Pattern.compile(
          "\\s*(?:call\\s+)?("
              + NAME
              + ")(?:\\s*\\.\\s*("
              + NAME
              + "))?\\s*\\(\\s*((?:\\?\\s*(?:,\\s*\\?\\s*)*)?)\\)\\s*;?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Each named argument of each routine called so, in order, with its mode. */
  private static final String ARGUMENTS =
      "SELECT p.oid::int8, p.prokind::text, p.pronargdefaults::int4, a.name, a.mode"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " CROSS JOIN LATERAL unnest(p.proargnames, p.proargmodes::text[])"
          + " WITH ORDINALITY AS a(name, mode, ord)"
          + " WHERE p.proname = $1 AND CASE WHEN $2::text IS NULL"
          + " THEN n.nspname = ANY (pg_catalog.current_schemas(true)) ELSE n.nspname = $2 END"
          + " ORDER BY p.oid, a.ord";

  private record Routine(boolean procedure, int defaults, List<String> names, List<String> modes) {

    /**
     * The names of the arguments a call passes, in the order it passes them: for a function its
     * input ones unless {@code withOut}; always every one but a TABLE column.
     */
    List<String> passed(boolean withOut) {
      List<String> passed = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String mode = modes.get(i) == null ? "i" : modes.get(i);
        if (procedure || withOut ? !mode.equals("t") : "ibv".contains(mode)) {
          passed.add(names.get(i));
        }
      }
      return passed;
    }
  }

  private final String call;
  private final boolean procedure;
  private final int firstIndex;
  private List<Routine> routines;

  /**
   * @param call the call as written ({@code p(?, ?)}, {@code CALL p(?)} or {@code f(?)})
   * @param procedure whether it runs as CALL (else as a function's SELECT)
   * @param firstIndex the JDBC index of the first argument (2 after a return value)
   */
  CallParameterNames(String call, boolean procedure, int firstIndex) {
    this.call = call;
    this.procedure = procedure;
    this.firstIndex = firstIndex;
  }

  /** The 1-based JDBC index of the parameter named {@code name}. */
  int index(JdbcConnection connection, String name) throws SQLException {
    connection.checkOpen();
    if (name == null) {
      throw new SQLException("a parameter name cannot be null", "22004");
    }
    Matcher matcher = CALL.matcher(call);
    if (!matcher.matches()) {
      throw new SQLFeatureNotSupportedException(
          "parameters by name need a call whose arguments are all ?, such as {call p(?, ?)}: "
              + call,
          "0A000");
    }
    int passed = matcher.group(3).isEmpty() ? 0 : matcher.group(3).split(",").length;
    if (routines == null) {
      String schema = matcher.group(2) == null ? null : identifier(matcher.group(1));
      String routine = identifier(matcher.group(2) == null ? matcher.group(1) : matcher.group(2));
      routines = load(connection, schema, routine);
    }
    TreeSet<Integer> positions = new TreeSet<>();
    for (Routine routine : routines) {
      if (routine.procedure() != procedure) {
        continue;
      }
      List<String> names = routine.passed(false);
      List<String> withOut = routine.passed(true);
      int position = -1;
      if (names.size() >= passed && names.size() - routine.defaults() <= passed) {
        position = position(names, name);
      } else if (withOut.size() == passed) {
        position = position(withOut, name); // a function's OUT arguments have their ? too
      }
      if (position >= 0) {
        positions.add(position);
      }
    }
    if (positions.isEmpty()) {
      throw new SQLException(
          "no "
              + (procedure ? "procedure" : "function")
              + " called as "
              + call.strip()
              + " has a parameter named "
              + name,
          "42883");
    }
    if (positions.size() > 1) {
      throw new SQLException(
          "the overloads called as " + call.strip() + " put " + name + " in different places",
          "42725");
    }
    int position = positions.first();
    if (position >= passed) {
      throw new SQLException(
          "parameter " + name + " is not passed by " + call.strip() + ": add a ? for it", "42883");
    }
    return firstIndex + position;
  }

  /** The exact name, else the only one equal to it ignoring case. */
  private static int position(List<String> names, String name) {
    int exact = names.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private static List<Routine> load(JdbcConnection connection, String schema, String routine)
      throws SQLException {
    Map<Long, Routine> routines = new LinkedHashMap<>();
    SqlErrors.run(
        () -> {
          try (var rows = connection.tusk().execute(ARGUMENTS, routine, schema)) {
            for (var row : rows) {
              Routine found =
                  routines.computeIfAbsent(
                      row.getLong(0),
                      oid ->
                          new Routine(
                              "p".equals(row.getString(1)),
                              row.getInt(2),
                              new ArrayList<>(),
                              new ArrayList<>()));
              found.names().add(row.getString(3));
              found.modes().add(row.getString(4));
            }
          }
          return null;
        },
        connection);
    return List.copyOf(routines.values());
  }

  /** An identifier as the server stores it: quoted as written, unquoted in lower case. */
  private static String identifier(String written) {
    if (written.startsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase(Locale.ROOT);
  }
}
