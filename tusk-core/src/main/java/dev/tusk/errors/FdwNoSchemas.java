// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00P: fdw_no_schemas. */
public final class FdwNoSchemas extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00P";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwNoSchemas(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwNoSchemas(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
