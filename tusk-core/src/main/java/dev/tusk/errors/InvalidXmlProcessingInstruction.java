// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2200T: invalid_xml_processing_instruction. */
public final class InvalidXmlProcessingInstruction extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2200T";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidXmlProcessingInstruction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidXmlProcessingInstruction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
