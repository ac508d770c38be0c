package dev.tusk.errors.generator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Java source of the generated class that maps a SQLSTATE to its error class. */
final class SqlStatesSource {

  private static final String TOP =
      """
      package dev.tusk.errors;

      import java.util.Objects;

      /**
       * Creates the error for a server's diagnostic: one class per SQLSTATE of PostgreSQL's errcodes.txt,
       * each under the class of its SQLSTATE class and a DB-API class.
       */
      public final class SqlStates {

        private SqlStates() {}

        /**
         * The error for a diagnostic: an instance of the class of its SQLSTATE; for a SQLSTATE not
         * listed, the class of its first two characters, else the DB-API class for them; a plain {@link
         * DatabaseError} when the diagnostic has no SQLSTATE.
         */
        public static DatabaseError toException(Diagnostic diagnostic) {
          return toException(diagnostic, null);
        }

        /** As {@link #toException(Diagnostic)}, with the failure that caused the error. */
        public static DatabaseError toException(Diagnostic diagnostic, Throwable cause) {
          String sqlState = Objects.requireNonNull(diagnostic, "diagnostic").sqlState();
          if (sqlState == null) {
            return new DatabaseError(diagnostic, cause);
          }
          return switch (sqlState) {
      """;

  private static final String MIDDLE =
      """
            default -> forSqlClass(sqlState, diagnostic, cause);
          };
        }

        /** The error for a SQLSTATE not listed, by its class: its first two characters. */
        private static DatabaseError forSqlClass(
            String sqlState, Diagnostic diagnostic, Throwable cause) {
          return switch (sqlState.substring(0, Math.min(2, sqlState.length()))) {
      """;

  private static final String BOTTOM =
      """
            default -> new DatabaseError(diagnostic, cause);
          };
        }
      }
      """;

  private SqlStatesSource() {}

  /** The complete compilation unit of the mapper. */
  static String render(List<ErrorClass> classes) {
    StringBuilder source = new StringBuilder(ErrorClassGenerator.HEADER).append(TOP);
    classes.stream()
        .sorted(Comparator.comparing(c -> c.code().sqlState()))
        .forEach(c -> source.append(arm(c.code().sqlState(), c.name())));
    source.append(MIDDLE);
    bySqlClass(classes).forEach((sqlClass, name) -> source.append(arm(sqlClass, name)));
    return source.append(BOTTOM).toString();
  }

  /**
   * The class for each SQLSTATE class: its generic code's class, or the DB-API class when the
   * SQLSTATE class has no generic code. Classes that would fall back to DatabaseError are left to
   * the switch's default.
   */
  private static Map<String, String> bySqlClass(List<ErrorClass> classes) {
    Map<String, String> bySqlClass = new TreeMap<>();
    DbApiBase.sqlClasses().forEach(sqlClass -> bySqlClass.put(sqlClass, DbApiBase.of(sqlClass)));
    classes.stream()
        .filter(c -> c.code().isClassLevel())
        .forEach(c -> bySqlClass.put(c.code().sqlClass(), c.name()));
    return bySqlClass;
  }

  private static String arm(String label, String className) {
    String head = "      case \"" + label + "\" ->";
    String body = "new " + className + "(diagnostic, cause);";
    return Layout.fits(head + " " + body)
        ? head + " " + body + "\n"
        : head + "\n          " + body + "\n";
  }
}
