package dev.tusk.errors.generator;

import java.util.List;

/** The Java source of one generated error class, laid out as google-java-format would. */
final class ErrorClassSource {

  private ErrorClassSource() {}

  /** The complete compilation unit for the class. */
  static String render(ErrorClass error) {
    String name = error.name();
    return ErrorClassGenerator.HEADER
        + "package dev.tusk.errors;\n\n"
        + "/** SQLSTATE "
        + error.code().sqlState()
        + ": "
        + error.code().conditionName()
        + ". */\n"
        + declaration(error)
        + "\n"
        + "  /** The SQLSTATE this class stands for. */\n"
        + "  public static final String SQLSTATE = \""
        + error.code().sqlState()
        + "\";\n\n"
        + "  private static final long serialVersionUID = 1L;\n\n"
        + "  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */\n"
        + constructor(name, "Diagnostic diagnostic", "diagnostic")
        + "\n"
        + "  /** Creates the error from a diagnostic and the failure that caused it. */\n"
        + constructor(name, "Diagnostic diagnostic, Throwable cause", "diagnostic, cause")
        + "}\n";
  }

  /**
   * The class declaration. When it does not fit one line, google-java-format moves the extends
   * clause to a line of its own only if it does not fit after the class name, then the permits
   * clause, then each permitted class.
   */
  private static String declaration(ErrorClass error) {
    List<String> children = error.children();
    String start = "public " + (children.isEmpty() ? "final" : "sealed") + " class " + error.name();
    String extendsClause = "extends " + error.parent();
    String permitsClause = children.isEmpty() ? "" : "permits " + String.join(", ", children);
    String oneLine = start + " " + extendsClause + (children.isEmpty() ? "" : " " + permitsClause);
    if (Layout.fits(oneLine + " {")) {
      return oneLine + " {\n";
    }
    if (children.isEmpty()) {
      return start + "\n    " + extendsClause + " {\n";
    }
    String head =
        Layout.fits(start + " " + extendsClause)
            ? start + " " + extendsClause
            : start + "\n    " + extendsClause;
    String permits =
        Layout.fits("    " + permitsClause + " {")
            ? permitsClause
            : "permits " + String.join(",\n        ", children);
    return head + "\n    " + permits + " {\n";
  }

  private static String constructor(String name, String parameters, String arguments) {
    String head = "  public " + name + "(";
    String signature =
        Layout.fits(head + parameters + ") {")
            ? head + parameters + ") {\n"
            : head + "\n      " + parameters + ") {\n";
    return signature + "    super(" + arguments + ");\n  }\n";
  }
}
