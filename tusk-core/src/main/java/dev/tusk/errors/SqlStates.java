// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

import java.util.Objects;

/**
 * Creates the error for a server's diagnostic: one class per SQLSTATE of PostgreSQL's errcodes.txt,
 * each under the class of its SQLSTATE class and a DB-API class.
 */
public final class SqlStates {

  private SqlStates() {}

  /**
   * The error for a diagnostic: an instance of the class of its SQLSTATE; for a SQLSTATE not
   * listed, the class of its first two characters, else the DB-API class for them; a plain {@link
   * DatabaseError} when the diagnostic has no SQLSTATE.
   */
  public static DatabaseError toException(Diagnostic diagnostic) {
    return toException(diagnostic, null);
  }

  /** As {@link #toException(Diagnostic)}, with the failure that caused the error. */
  public static DatabaseError toException(Diagnostic diagnostic, Throwable cause) {
    String sqlState = Objects.requireNonNull(diagnostic, "diagnostic").sqlState();
    if (sqlState == null) {
      return new DatabaseError(diagnostic, cause);
    }
    return switch (sqlState) {
      case "03000" -> new SqlStatementNotYetComplete(diagnostic, cause);
      case "08000" -> new ConnectionException(diagnostic, cause);
      case "08001" -> new SqlclientUnableToEstablishSqlconnection(diagnostic, cause);
      case "08003" -> new ConnectionDoesNotExist(diagnostic, cause);
      case "08004" -> new SqlserverRejectedEstablishmentOfSqlconnection(diagnostic, cause);
      case "08006" -> new ConnectionFailure(diagnostic, cause);
      case "08007" -> new TransactionResolutionUnknown(diagnostic, cause);
      case "08P01" -> new ProtocolViolation(diagnostic, cause);
      case "09000" -> new TriggeredActionException(diagnostic, cause);
      case "0A000" -> new FeatureNotSupported(diagnostic, cause);
      case "0B000" -> new InvalidTransactionInitiation(diagnostic, cause);
      case "0F000" -> new LocatorException(diagnostic, cause);
      case "0F001" -> new InvalidLocatorSpecification(diagnostic, cause);
      case "0L000" -> new InvalidGrantor(diagnostic, cause);
      case "0LP01" -> new InvalidGrantOperation(diagnostic, cause);
      case "0P000" -> new InvalidRoleSpecification(diagnostic, cause);
      case "0Z000" -> new DiagnosticsException(diagnostic, cause);
      case "0Z002" -> new StackedDiagnosticsAccessedWithoutActiveHandler(diagnostic, cause);
      case "20000" -> new CaseNotFound(diagnostic, cause);
      case "21000" -> new CardinalityViolation(diagnostic, cause);
      case "22000" -> new DataException(diagnostic, cause);
      case "22001" -> new StringDataRightTruncation(diagnostic, cause);
      case "22002" -> new NullValueNoIndicatorParameter(diagnostic, cause);
      case "22003" -> new NumericValueOutOfRange(diagnostic, cause);
      case "22004" -> new NullValueNotAllowed(diagnostic, cause);
      case "22005" -> new ErrorInAssignment(diagnostic, cause);
      case "22007" -> new InvalidDatetimeFormat(diagnostic, cause);
      case "22008" -> new DatetimeFieldOverflow(diagnostic, cause);
      case "22009" -> new InvalidTimeZoneDisplacementValue(diagnostic, cause);
      case "2200B" -> new EscapeCharacterConflict(diagnostic, cause);
      case "2200C" -> new InvalidUseOfEscapeCharacter(diagnostic, cause);
      case "2200D" -> new InvalidEscapeOctet(diagnostic, cause);
      case "2200F" -> new ZeroLengthCharacterString(diagnostic, cause);
      case "2200G" -> new MostSpecificTypeMismatch(diagnostic, cause);
      case "2200H" -> new SequenceGeneratorLimitExceeded(diagnostic, cause);
      case "2200L" -> new NotAnXmlDocument(diagnostic, cause);
      case "2200M" -> new InvalidXmlDocument(diagnostic, cause);
      case "2200N" -> new InvalidXmlContent(diagnostic, cause);
      case "2200S" -> new InvalidXmlComment(diagnostic, cause);
      case "2200T" -> new InvalidXmlProcessingInstruction(diagnostic, cause);
      case "22010" -> new InvalidIndicatorParameterValue(diagnostic, cause);
      case "22011" -> new SubstringError(diagnostic, cause);
      case "22012" -> new DivisionByZero(diagnostic, cause);
      case "22013" -> new InvalidPrecedingOrFollowingSize(diagnostic, cause);
      case "22014" -> new InvalidArgumentForNtileFunction(diagnostic, cause);
      case "22015" -> new IntervalFieldOverflow(diagnostic, cause);
      case "22016" -> new InvalidArgumentForNthValueFunction(diagnostic, cause);
      case "22018" -> new InvalidCharacterValueForCast(diagnostic, cause);
      case "22019" -> new InvalidEscapeCharacter(diagnostic, cause);
      case "2201B" -> new InvalidRegularExpression(diagnostic, cause);
      case "2201E" -> new InvalidArgumentForLogarithm(diagnostic, cause);
      case "2201F" -> new InvalidArgumentForPowerFunction(diagnostic, cause);
      case "2201G" -> new InvalidArgumentForWidthBucketFunction(diagnostic, cause);
      case "2201W" -> new InvalidRowCountInLimitClause(diagnostic, cause);
      case "2201X" -> new InvalidRowCountInResultOffsetClause(diagnostic, cause);
      case "22021" -> new CharacterNotInRepertoire(diagnostic, cause);
      case "22022" -> new IndicatorOverflow(diagnostic, cause);
      case "22023" -> new InvalidParameterValue(diagnostic, cause);
      case "22024" -> new UnterminatedCString(diagnostic, cause);
      case "22025" -> new InvalidEscapeSequence(diagnostic, cause);
      case "22026" -> new StringDataLengthMismatch(diagnostic, cause);
      case "22027" -> new TrimError(diagnostic, cause);
      case "2202E" -> new ArraySubscriptError(diagnostic, cause);
      case "2202G" -> new InvalidTablesampleRepeat(diagnostic, cause);
      case "2202H" -> new InvalidTablesampleArgument(diagnostic, cause);
      case "22030" -> new DuplicateJsonObjectKeyValue(diagnostic, cause);
      case "22031" -> new InvalidArgumentForSqlJsonDatetimeFunction(diagnostic, cause);
      case "22032" -> new InvalidJsonText(diagnostic, cause);
      case "22033" -> new InvalidSqlJsonSubscript(diagnostic, cause);
      case "22034" -> new MoreThanOneSqlJsonItem(diagnostic, cause);
      case "22035" -> new NoSqlJsonItem(diagnostic, cause);
      case "22036" -> new NonNumericSqlJsonItem(diagnostic, cause);
      case "22037" -> new NonUniqueKeysInAJsonObject(diagnostic, cause);
      case "22038" -> new SingletonSqlJsonItemRequired(diagnostic, cause);
      case "22039" -> new SqlJsonArrayNotFound(diagnostic, cause);
      case "2203A" -> new SqlJsonMemberNotFound(diagnostic, cause);
      case "2203B" -> new SqlJsonNumberNotFound(diagnostic, cause);
      case "2203C" -> new SqlJsonObjectNotFound(diagnostic, cause);
      case "2203D" -> new TooManyJsonArrayElements(diagnostic, cause);
      case "2203E" -> new TooManyJsonObjectMembers(diagnostic, cause);
      case "2203F" -> new SqlJsonScalarRequired(diagnostic, cause);
      case "22P01" -> new FloatingPointException(diagnostic, cause);
      case "22P02" -> new InvalidTextRepresentation(diagnostic, cause);
      case "22P03" -> new InvalidBinaryRepresentation(diagnostic, cause);
      case "22P04" -> new BadCopyFileFormat(diagnostic, cause);
      case "22P05" -> new UntranslatableCharacter(diagnostic, cause);
      case "22P06" -> new NonstandardUseOfEscapeCharacter(diagnostic, cause);
      case "23000" -> new IntegrityConstraintViolation(diagnostic, cause);
      case "23001" -> new RestrictViolation(diagnostic, cause);
      case "23502" -> new NotNullViolation(diagnostic, cause);
      case "23503" -> new ForeignKeyViolation(diagnostic, cause);
      case "23505" -> new UniqueViolation(diagnostic, cause);
      case "23514" -> new CheckViolation(diagnostic, cause);
      case "23P01" -> new ExclusionViolation(diagnostic, cause);
      case "24000" -> new InvalidCursorState(diagnostic, cause);
      case "25000" -> new InvalidTransactionState(diagnostic, cause);
      case "25001" -> new ActiveSqlTransaction(diagnostic, cause);
      case "25002" -> new BranchTransactionAlreadyActive(diagnostic, cause);
      case "25003" -> new InappropriateAccessModeForBranchTransaction(diagnostic, cause);
      case "25004" -> new InappropriateIsolationLevelForBranchTransaction(diagnostic, cause);
      case "25005" -> new NoActiveSqlTransactionForBranchTransaction(diagnostic, cause);
      case "25006" -> new ReadOnlySqlTransaction(diagnostic, cause);
      case "25007" -> new SchemaAndDataStatementMixingNotSupported(diagnostic, cause);
      case "25008" -> new HeldCursorRequiresSameIsolationLevel(diagnostic, cause);
      case "25P01" -> new NoActiveSqlTransaction(diagnostic, cause);
      case "25P02" -> new InFailedSqlTransaction(diagnostic, cause);
      case "25P03" -> new IdleInTransactionSessionTimeout(diagnostic, cause);
      case "26000" -> new InvalidSqlStatementName(diagnostic, cause);
      case "27000" -> new TriggeredDataChangeViolation(diagnostic, cause);
      case "28000" -> new InvalidAuthorizationSpecification(diagnostic, cause);
      case "28P01" -> new InvalidPassword(diagnostic, cause);
      case "2B000" -> new DependentPrivilegeDescriptorsStillExist(diagnostic, cause);
      case "2BP01" -> new DependentObjectsStillExist(diagnostic, cause);
      case "2D000" -> new InvalidTransactionTermination(diagnostic, cause);
      case "2F000" -> new SqlRoutineException(diagnostic, cause);
      case "2F002" -> new ModifyingSqlDataNotPermitted(diagnostic, cause);
      case "2F003" -> new ProhibitedSqlStatementAttempted(diagnostic, cause);
      case "2F004" -> new ReadingSqlDataNotPermitted(diagnostic, cause);
      case "2F005" -> new FunctionExecutedNoReturnStatement(diagnostic, cause);
      case "34000" -> new InvalidCursorName(diagnostic, cause);
      case "38000" -> new ExternalRoutineException(diagnostic, cause);
      case "38001" -> new ContainingSqlNotPermitted(diagnostic, cause);
      case "38002" -> new ModifyingSqlDataNotPermittedExternal(diagnostic, cause);
      case "38003" -> new ProhibitedSqlStatementAttemptedExternal(diagnostic, cause);
      case "38004" -> new ReadingSqlDataNotPermittedExternal(diagnostic, cause);
      case "39000" -> new ExternalRoutineInvocationException(diagnostic, cause);
      case "39001" -> new InvalidSqlstateReturned(diagnostic, cause);
      case "39004" -> new NullValueNotAllowedExternal(diagnostic, cause);
      case "39P01" -> new TriggerProtocolViolated(diagnostic, cause);
      case "39P02" -> new SrfProtocolViolated(diagnostic, cause);
      case "39P03" -> new EventTriggerProtocolViolated(diagnostic, cause);
      case "3B000" -> new SavepointException(diagnostic, cause);
      case "3B001" -> new InvalidSavepointSpecification(diagnostic, cause);
      case "3D000" -> new InvalidCatalogName(diagnostic, cause);
      case "3F000" -> new InvalidSchemaName(diagnostic, cause);
      case "40000" -> new TransactionRollback(diagnostic, cause);
      case "40001" -> new SerializationFailure(diagnostic, cause);
      case "40002" -> new TransactionIntegrityConstraintViolation(diagnostic, cause);
      case "40003" -> new StatementCompletionUnknown(diagnostic, cause);
      case "40P01" -> new DeadlockDetected(diagnostic, cause);
      case "42000" -> new SyntaxErrorOrAccessRuleViolation(diagnostic, cause);
      case "42501" -> new InsufficientPrivilege(diagnostic, cause);
      case "42601" -> new SyntaxError(diagnostic, cause);
      case "42602" -> new InvalidName(diagnostic, cause);
      case "42611" -> new InvalidColumnDefinition(diagnostic, cause);
      case "42622" -> new NameTooLong(diagnostic, cause);
      case "42701" -> new DuplicateColumn(diagnostic, cause);
      case "42702" -> new AmbiguousColumn(diagnostic, cause);
      case "42703" -> new UndefinedColumn(diagnostic, cause);
      case "42704" -> new UndefinedObject(diagnostic, cause);
      case "42710" -> new DuplicateObject(diagnostic, cause);
      case "42712" -> new DuplicateAlias(diagnostic, cause);
      case "42723" -> new DuplicateFunction(diagnostic, cause);
      case "42725" -> new AmbiguousFunction(diagnostic, cause);
      case "42803" -> new GroupingError(diagnostic, cause);
      case "42804" -> new DatatypeMismatch(diagnostic, cause);
      case "42809" -> new WrongObjectType(diagnostic, cause);
      case "42830" -> new InvalidForeignKey(diagnostic, cause);
      case "42846" -> new CannotCoerce(diagnostic, cause);
      case "42883" -> new UndefinedFunction(diagnostic, cause);
      case "428C9" -> new GeneratedAlways(diagnostic, cause);
      case "42939" -> new ReservedName(diagnostic, cause);
      case "42P01" -> new UndefinedTable(diagnostic, cause);
      case "42P02" -> new UndefinedParameter(diagnostic, cause);
      case "42P03" -> new DuplicateCursor(diagnostic, cause);
      case "42P04" -> new DuplicateDatabase(diagnostic, cause);
      case "42P05" -> new DuplicatePreparedStatement(diagnostic, cause);
      case "42P06" -> new DuplicateSchema(diagnostic, cause);
      case "42P07" -> new DuplicateTable(diagnostic, cause);
      case "42P08" -> new AmbiguousParameter(diagnostic, cause);
      case "42P09" -> new AmbiguousAlias(diagnostic, cause);
      case "42P10" -> new InvalidColumnReference(diagnostic, cause);
      case "42P11" -> new InvalidCursorDefinition(diagnostic, cause);
      case "42P12" -> new InvalidDatabaseDefinition(diagnostic, cause);
      case "42P13" -> new InvalidFunctionDefinition(diagnostic, cause);
      case "42P14" -> new InvalidPreparedStatementDefinition(diagnostic, cause);
      case "42P15" -> new InvalidSchemaDefinition(diagnostic, cause);
      case "42P16" -> new InvalidTableDefinition(diagnostic, cause);
      case "42P17" -> new InvalidObjectDefinition(diagnostic, cause);
      case "42P18" -> new IndeterminateDatatype(diagnostic, cause);
      case "42P19" -> new InvalidRecursion(diagnostic, cause);
      case "42P20" -> new WindowingError(diagnostic, cause);
      case "42P21" -> new CollationMismatch(diagnostic, cause);
      case "42P22" -> new IndeterminateCollation(diagnostic, cause);
      case "44000" -> new WithCheckOptionViolation(diagnostic, cause);
      case "53000" -> new InsufficientResources(diagnostic, cause);
      case "53100" -> new DiskFull(diagnostic, cause);
      case "53200" -> new OutOfMemory(diagnostic, cause);
      case "53300" -> new TooManyConnections(diagnostic, cause);
      case "53400" -> new ConfigurationLimitExceeded(diagnostic, cause);
      case "54000" -> new ProgramLimitExceeded(diagnostic, cause);
      case "54001" -> new StatementTooComplex(diagnostic, cause);
      case "54011" -> new TooManyColumns(diagnostic, cause);
      case "54023" -> new TooManyArguments(diagnostic, cause);
      case "55000" -> new ObjectNotInPrerequisiteState(diagnostic, cause);
      case "55006" -> new ObjectInUse(diagnostic, cause);
      case "55P02" -> new CantChangeRuntimeParam(diagnostic, cause);
      case "55P03" -> new LockNotAvailable(diagnostic, cause);
      case "55P04" -> new UnsafeNewEnumValueUsage(diagnostic, cause);
      case "57000" -> new OperatorIntervention(diagnostic, cause);
      case "57014" -> new QueryCanceled(diagnostic, cause);
      case "57P01" -> new AdminShutdown(diagnostic, cause);
      case "57P02" -> new CrashShutdown(diagnostic, cause);
      case "57P03" -> new CannotConnectNow(diagnostic, cause);
      case "57P04" -> new DatabaseDropped(diagnostic, cause);
      case "57P05" -> new IdleSessionTimeout(diagnostic, cause);
      case "58000" -> new SystemError(diagnostic, cause);
      case "58030" -> new IoError(diagnostic, cause);
      case "58P01" -> new UndefinedFile(diagnostic, cause);
      case "58P02" -> new DuplicateFile(diagnostic, cause);
      case "72000" -> new SnapshotTooOld(diagnostic, cause);
      case "F0000" -> new ConfigFileError(diagnostic, cause);
      case "F0001" -> new LockFileExists(diagnostic, cause);
      case "HV000" -> new FdwError(diagnostic, cause);
      case "HV001" -> new FdwOutOfMemory(diagnostic, cause);
      case "HV002" -> new FdwDynamicParameterValueNeeded(diagnostic, cause);
      case "HV004" -> new FdwInvalidDataType(diagnostic, cause);
      case "HV005" -> new FdwColumnNameNotFound(diagnostic, cause);
      case "HV006" -> new FdwInvalidDataTypeDescriptors(diagnostic, cause);
      case "HV007" -> new FdwInvalidColumnName(diagnostic, cause);
      case "HV008" -> new FdwInvalidColumnNumber(diagnostic, cause);
      case "HV009" -> new FdwInvalidUseOfNullPointer(diagnostic, cause);
      case "HV00A" -> new FdwInvalidStringFormat(diagnostic, cause);
      case "HV00B" -> new FdwInvalidHandle(diagnostic, cause);
      case "HV00C" -> new FdwInvalidOptionIndex(diagnostic, cause);
      case "HV00D" -> new FdwInvalidOptionName(diagnostic, cause);
      case "HV00J" -> new FdwOptionNameNotFound(diagnostic, cause);
      case "HV00K" -> new FdwReplyHandle(diagnostic, cause);
      case "HV00L" -> new FdwUnableToCreateExecution(diagnostic, cause);
      case "HV00M" -> new FdwUnableToCreateReply(diagnostic, cause);
      case "HV00N" -> new FdwUnableToEstablishConnection(diagnostic, cause);
      case "HV00P" -> new FdwNoSchemas(diagnostic, cause);
      case "HV00Q" -> new FdwSchemaNotFound(diagnostic, cause);
      case "HV00R" -> new FdwTableNotFound(diagnostic, cause);
      case "HV010" -> new FdwFunctionSequenceError(diagnostic, cause);
      case "HV014" -> new FdwTooManyHandles(diagnostic, cause);
      case "HV021" -> new FdwInconsistentDescriptorInformation(diagnostic, cause);
      case "HV024" -> new FdwInvalidAttributeValue(diagnostic, cause);
      case "HV090" -> new FdwInvalidStringLengthOrBufferLength(diagnostic, cause);
      case "HV091" -> new FdwInvalidDescriptorFieldIdentifier(diagnostic, cause);
      case "P0000" -> new PlpgsqlError(diagnostic, cause);
      case "P0001" -> new RaiseException(diagnostic, cause);
      case "P0002" -> new NoDataFound(diagnostic, cause);
      case "P0003" -> new TooManyRows(diagnostic, cause);
      case "P0004" -> new AssertFailure(diagnostic, cause);
      case "XX000" -> new InternalErrorXx000(diagnostic, cause);
      case "XX001" -> new DataCorrupted(diagnostic, cause);
      case "XX002" -> new IndexCorrupted(diagnostic, cause);
      default -> forSqlClass(sqlState, diagnostic, cause);
    };
  }

  /** The error for a SQLSTATE not listed, by its class: its first two characters. */
  private static DatabaseError forSqlClass(
      String sqlState, Diagnostic diagnostic, Throwable cause) {
    return switch (sqlState.substring(0, Math.min(2, sqlState.length()))) {
      case "03" -> new SqlStatementNotYetComplete(diagnostic, cause);
      case "08" -> new ConnectionException(diagnostic, cause);
      case "09" -> new TriggeredActionException(diagnostic, cause);
      case "0A" -> new FeatureNotSupported(diagnostic, cause);
      case "0B" -> new InvalidTransactionInitiation(diagnostic, cause);
      case "0F" -> new LocatorException(diagnostic, cause);
      case "0L" -> new InvalidGrantor(diagnostic, cause);
      case "0P" -> new InvalidRoleSpecification(diagnostic, cause);
      case "0Z" -> new DiagnosticsException(diagnostic, cause);
      case "20" -> new CaseNotFound(diagnostic, cause);
      case "21" -> new CardinalityViolation(diagnostic, cause);
      case "22" -> new DataException(diagnostic, cause);
      case "23" -> new IntegrityConstraintViolation(diagnostic, cause);
      case "24" -> new InvalidCursorState(diagnostic, cause);
      case "25" -> new InvalidTransactionState(diagnostic, cause);
      case "26" -> new InvalidSqlStatementName(diagnostic, cause);
      case "27" -> new TriggeredDataChangeViolation(diagnostic, cause);
      case "28" -> new InvalidAuthorizationSpecification(diagnostic, cause);
      case "2B" -> new DependentPrivilegeDescriptorsStillExist(diagnostic, cause);
      case "2D" -> new InvalidTransactionTermination(diagnostic, cause);
      case "2F" -> new SqlRoutineException(diagnostic, cause);
      case "34" -> new InvalidCursorName(diagnostic, cause);
      case "38" -> new ExternalRoutineException(diagnostic, cause);
      case "39" -> new ExternalRoutineInvocationException(diagnostic, cause);
      case "3B" -> new SavepointException(diagnostic, cause);
      case "3D" -> new InvalidCatalogName(diagnostic, cause);
      case "3F" -> new InvalidSchemaName(diagnostic, cause);
      case "40" -> new TransactionRollback(diagnostic, cause);
      case "42" -> new SyntaxErrorOrAccessRuleViolation(diagnostic, cause);
      case "44" -> new WithCheckOptionViolation(diagnostic, cause);
      case "53" -> new InsufficientResources(diagnostic, cause);
      case "54" -> new ProgramLimitExceeded(diagnostic, cause);
      case "55" -> new ObjectNotInPrerequisiteState(diagnostic, cause);
      case "57" -> new OperatorIntervention(diagnostic, cause);
      case "58" -> new SystemError(diagnostic, cause);
      case "72" -> new SnapshotTooOld(diagnostic, cause);
      case "F0" -> new ConfigFileError(diagnostic, cause);
      case "HV" -> new FdwError(diagnostic, cause);
      case "P0" -> new PlpgsqlError(diagnostic, cause);
      case "XX" -> new InternalErrorXx000(diagnostic, cause);
      default -> new DatabaseError(diagnostic, cause);
    };
  }
}
