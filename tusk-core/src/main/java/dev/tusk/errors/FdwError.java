// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV000: fdw_error. */
public sealed class FdwError extends OperationalError
    permits FdwColumnNameNotFound,
        FdwDynamicParameterValueNeeded,
        FdwFunctionSequenceError,
        FdwInconsistentDescriptorInformation,
        FdwInvalidAttributeValue,
        FdwInvalidColumnName,
        FdwInvalidColumnNumber,
        FdwInvalidDataType,
        FdwInvalidDataTypeDescriptors,
        FdwInvalidDescriptorFieldIdentifier,
        FdwInvalidHandle,
        FdwInvalidOptionIndex,
        FdwInvalidOptionName,
        FdwInvalidStringLengthOrBufferLength,
        FdwInvalidStringFormat,
        FdwInvalidUseOfNullPointer,
        FdwTooManyHandles,
        FdwOutOfMemory,
        FdwNoSchemas,
        FdwOptionNameNotFound,
        FdwReplyHandle,
        FdwSchemaNotFound,
        FdwTableNotFound,
        FdwUnableToCreateExecution,
        FdwUnableToCreateReply,
        FdwUnableToEstablishConnection {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
