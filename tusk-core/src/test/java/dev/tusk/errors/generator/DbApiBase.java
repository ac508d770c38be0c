package dev.tusk.errors.generator;

import java.util.Map;
import java.util.Set;

/**
 * The DB-API class each SQLSTATE class derives from, as psycopg documents it, so code that catches
 * {@code IntegrityError} or {@code OperationalError} behaves as it does there. Classes not listed
 * (03, 09, 0B, 0F, 0L, 0P, 0Z, 72, and any future class) derive from {@code DatabaseError}.
 */
final class DbApiBase {

  private static final Map<String, String> BY_SQL_CLASS =
      Map.ofEntries(
          Map.entry("08", "OperationalError"),
          Map.entry("0A", "NotSupportedError"),
          Map.entry("20", "ProgrammingError"),
          Map.entry("21", "ProgrammingError"),
          Map.entry("22", "DataError"),
          Map.entry("23", "IntegrityError"),
          Map.entry("24", "InternalError"),
          Map.entry("25", "InternalError"),
          Map.entry("26", "ProgrammingError"),
          Map.entry("27", "OperationalError"),
          Map.entry("28", "OperationalError"),
          Map.entry("2B", "InternalError"),
          Map.entry("2D", "InternalError"),
          Map.entry("2F", "OperationalError"),
          Map.entry("34", "ProgrammingError"),
          Map.entry("38", "OperationalError"),
          Map.entry("39", "OperationalError"),
          Map.entry("3B", "OperationalError"),
          Map.entry("3D", "ProgrammingError"),
          Map.entry("3F", "ProgrammingError"),
          Map.entry("40", "OperationalError"),
          Map.entry("42", "ProgrammingError"),
          Map.entry("44", "ProgrammingError"),
          Map.entry("53", "OperationalError"),
          Map.entry("54", "OperationalError"),
          Map.entry("55", "OperationalError"),
          Map.entry("57", "OperationalError"),
          Map.entry("58", "OperationalError"),
          Map.entry("F0", "OperationalError"),
          Map.entry("HV", "OperationalError"),
          Map.entry("P0", "ProgrammingError"),
          Map.entry("XX", "InternalError"));

  private DbApiBase() {}

  /** The SQLSTATE classes that derive from a DB-API class other than {@code DatabaseError}. */
  static Set<String> sqlClasses() {
    return BY_SQL_CLASS.keySet();
  }

  /** The simple name of the DB-API class for a two-character SQLSTATE class. */
  static String of(String sqlClass) {
    return BY_SQL_CLASS.getOrDefault(sqlClass, "DatabaseError");
  }
}
