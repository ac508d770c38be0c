// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2200L: not_an_xml_document. */
public final class NotAnXmlDocument extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2200L";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NotAnXmlDocument(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NotAnXmlDocument(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
