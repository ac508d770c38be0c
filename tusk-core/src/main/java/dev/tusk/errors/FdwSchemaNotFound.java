// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00Q: fdw_schema_not_found. */
public final class FdwSchemaNotFound extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00Q";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwSchemaNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwSchemaNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
