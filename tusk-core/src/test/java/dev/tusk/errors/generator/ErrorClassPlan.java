package dev.tusk.errors.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides the name and superclass of the class for each error code.
 *
 * <p>Names: the condition name in CamelCase ({@code unique_violation} becomes {@code
 * UniqueViolation}), with two exceptions, applied in file order so the result is deterministic:
 *
 * <ul>
 *   <li>A name already used by a hand-written class of {@code dev.tusk.errors} gets the SQLSTATE
 *       appended: XX000 {@code internal_error} becomes {@code InternalErrorXx000}, since {@code
 *       InternalError} is the DB-API class.
 *   <li>A condition name listed a second time, in another class, keeps the first as is and gets the
 *       leading words of its class-level condition name appended, as few as make it unique: 38002
 *       {@code modifying_sql_data_not_permitted} (also 2F002) becomes {@code
 *       ModifyingSqlDataNotPermittedExternal}, after 38000 {@code external_routine_exception}.
 * </ul>
 *
 * <p>Superclasses: the generic code of a SQLSTATE class (subclass "000") extends the DB-API class
 * of its SQLSTATE class ({@link DbApiBase}); every other code extends the class of its generic
 * code, or the DB-API class when the SQLSTATE class has no generic code.
 */
final class ErrorClassPlan {

  /** Classes of {@code dev.tusk.errors} that are written by hand. */
  static final Set<String> HAND_WRITTEN =
      Set.of(
          "TuskException",
          "InterfaceError",
          "DatabaseError",
          "DataError",
          "OperationalError",
          "IntegrityError",
          "InternalError",
          "ProgrammingError",
          "NotSupportedError",
          "Diagnostic",
          ErrorClassGenerator.MAPPER_CLASS);

  private ErrorClassPlan() {}

  /** The classes for the given error codes, in the same order. */
  static List<ErrorClass> of(List<ErrorCode> codes) {
    Map<String, ErrorCode> classLevel = new LinkedHashMap<>();
    codes.stream().filter(ErrorCode::isClassLevel).forEach(c -> classLevel.put(c.sqlClass(), c));
    Map<ErrorCode, String> names = names(codes, classLevel);
    List<ErrorClass> classes = new ArrayList<>();
    for (ErrorCode code : codes) {
      ErrorCode generic = classLevel.get(code.sqlClass());
      boolean extendsBase = generic == null || generic.equals(code);
      String parent = extendsBase ? DbApiBase.of(code.sqlClass()) : names.get(generic);
      List<String> children =
          code.isClassLevel()
              ? codes.stream()
                  .filter(c -> c.sqlClass().equals(code.sqlClass()) && !c.equals(code))
                  .map(names::get)
                  .toList()
              : List.of();
      classes.add(new ErrorClass(code, names.get(code), parent, children));
    }
    return classes;
  }

  private static Map<ErrorCode, String> names(
      List<ErrorCode> codes, Map<String, ErrorCode> classLevel) {
    Set<String> taken = new HashSet<>(HAND_WRITTEN);
    Map<ErrorCode, String> names = new LinkedHashMap<>();
    for (ErrorCode code : codes) {
      String name = uniqueName(code, classLevel.get(code.sqlClass()), taken);
      taken.add(name);
      names.put(code, name);
    }
    return names;
  }

  private static String uniqueName(ErrorCode code, ErrorCode generic, Set<String> taken) {
    String name = camelCase(code.conditionName());
    if (HAND_WRITTEN.contains(name)) {
      name += camelCase(code.sqlState().toLowerCase(Locale.ROOT));
    }
    if (!taken.contains(name)) {
      return name;
    }
    if (generic != null) {
      StringBuilder suffixed = new StringBuilder(name);
      for (String word : generic.conditionName().split("_")) {
        suffixed.append(capitalized(word));
        if (!taken.contains(suffixed.toString())) {
          return suffixed.toString();
        }
      }
    }
    throw new IllegalStateException("No unique class name for " + code);
  }

  /** {@code sql_json_array_not_found} becomes {@code SqlJsonArrayNotFound}. */
  static String camelCase(String conditionName) {
    StringBuilder camel = new StringBuilder();
    for (String word : conditionName.split("_")) {
      camel.append(capitalized(word));
    }
    return camel.toString();
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
