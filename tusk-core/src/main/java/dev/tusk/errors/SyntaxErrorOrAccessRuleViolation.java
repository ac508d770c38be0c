// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42000: syntax_error_or_access_rule_violation. */
public sealed class SyntaxErrorOrAccessRuleViolation extends ProgrammingError
    permits SyntaxError,
        InsufficientPrivilege,
        CannotCoerce,
        GroupingError,
        WindowingError,
        InvalidRecursion,
        InvalidForeignKey,
        InvalidName,
        NameTooLong,
        ReservedName,
        DatatypeMismatch,
        IndeterminateDatatype,
        CollationMismatch,
        IndeterminateCollation,
        WrongObjectType,
        GeneratedAlways,
        UndefinedColumn,
        UndefinedFunction,
        UndefinedTable,
        UndefinedParameter,
        UndefinedObject,
        DuplicateColumn,
        DuplicateCursor,
        DuplicateDatabase,
        DuplicateFunction,
        DuplicatePreparedStatement,
        DuplicateSchema,
        DuplicateTable,
        DuplicateAlias,
        DuplicateObject,
        AmbiguousColumn,
        AmbiguousFunction,
        AmbiguousParameter,
        AmbiguousAlias,
        InvalidColumnReference,
        InvalidColumnDefinition,
        InvalidCursorDefinition,
        InvalidDatabaseDefinition,
        InvalidFunctionDefinition,
        InvalidPreparedStatementDefinition,
        InvalidSchemaDefinition,
        InvalidTableDefinition,
        InvalidObjectDefinition {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SyntaxErrorOrAccessRuleViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SyntaxErrorOrAccessRuleViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
