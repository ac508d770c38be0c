// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22000: data_exception. */
public sealed class DataException extends DataError
    permits ArraySubscriptError,
        CharacterNotInRepertoire,
        DatetimeFieldOverflow,
        DivisionByZero,
        ErrorInAssignment,
        EscapeCharacterConflict,
        IndicatorOverflow,
        IntervalFieldOverflow,
        InvalidArgumentForLogarithm,
        InvalidArgumentForNtileFunction,
        InvalidArgumentForNthValueFunction,
        InvalidArgumentForPowerFunction,
        InvalidArgumentForWidthBucketFunction,
        InvalidCharacterValueForCast,
        InvalidDatetimeFormat,
        InvalidEscapeCharacter,
        InvalidEscapeOctet,
        InvalidEscapeSequence,
        NonstandardUseOfEscapeCharacter,
        InvalidIndicatorParameterValue,
        InvalidParameterValue,
        InvalidPrecedingOrFollowingSize,
        InvalidRegularExpression,
        InvalidRowCountInLimitClause,
        InvalidRowCountInResultOffsetClause,
        InvalidTablesampleArgument,
        InvalidTablesampleRepeat,
        InvalidTimeZoneDisplacementValue,
        InvalidUseOfEscapeCharacter,
        MostSpecificTypeMismatch,
        NullValueNotAllowed,
        NullValueNoIndicatorParameter,
        NumericValueOutOfRange,
        SequenceGeneratorLimitExceeded,
        StringDataLengthMismatch,
        StringDataRightTruncation,
        SubstringError,
        TrimError,
        UnterminatedCString,
        ZeroLengthCharacterString,
        FloatingPointException,
        InvalidTextRepresentation,
        InvalidBinaryRepresentation,
        BadCopyFileFormat,
        UntranslatableCharacter,
        NotAnXmlDocument,
        InvalidXmlDocument,
        InvalidXmlContent,
        InvalidXmlComment,
        InvalidXmlProcessingInstruction,
        DuplicateJsonObjectKeyValue,
        InvalidArgumentForSqlJsonDatetimeFunction,
        InvalidJsonText,
        InvalidSqlJsonSubscript,
        MoreThanOneSqlJsonItem,
        NoSqlJsonItem,
        NonNumericSqlJsonItem,
        NonUniqueKeysInAJsonObject,
        SingletonSqlJsonItemRequired,
        SqlJsonArrayNotFound,
        SqlJsonMemberNotFound,
        SqlJsonNumberNotFound,
        SqlJsonObjectNotFound,
        TooManyJsonArrayElements,
        TooManyJsonObjectMembers,
        SqlJsonScalarRequired {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DataException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DataException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
