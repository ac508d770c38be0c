// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 38001: containing_sql_not_permitted. */
public final class ContainingSqlNotPermitted extends ExternalRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "38001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ContainingSqlNotPermitted(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ContainingSqlNotPermitted(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
