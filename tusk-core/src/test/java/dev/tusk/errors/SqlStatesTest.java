package dev.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlStatesTest {

  private static final Set<Class<?>> DB_API_CLASSES =
      Set.of(
          DatabaseError.class,
          DataError.class,
          OperationalError.class,
          IntegrityError.class,
          InternalError.class,
          ProgrammingError.class,
          NotSupportedError.class);

  private static DatabaseError raise(String sqlState) {
    return SqlStates.toException(Diagnostic.client(sqlState, "boom"));
  }

  @Test
  void uniqueViolationIsAnIntegrityError() {
    Diagnostic diagnostic =
        Diagnostic.of(
            Map.of('S', "ERROR", 'C', "23505", 'M', "duplicate key", 'n', "users_email_key"));

    DatabaseError error = SqlStates.toException(diagnostic);

    assertEquals(UniqueViolation.class, error.getClass());
    assertInstanceOf(IntegrityConstraintViolation.class, error);
    assertInstanceOf(IntegrityError.class, error);
    assertSame(diagnostic, error.diagnostic());
    assertEquals("23505", error.sqlState());
    assertEquals("users_email_key", error.diagnostic().constraintName());
    assertEquals("ERROR: duplicate key (SQLSTATE 23505)", error.getMessage());
    assertNull(error.getCause());
    assertFalse(error.isRetrySafe());
  }

  @Test
  void serializationFailuresAndDeadlocksAreRetrySafe() {
    DatabaseError serialization = raise("40001");
    assertEquals(SerializationFailure.class, serialization.getClass());
    assertInstanceOf(TransactionRollback.class, serialization);
    assertInstanceOf(OperationalError.class, serialization);
    assertTrue(serialization.isRetrySafe());
    assertTrue(raise("40P01").isRetrySafe());
    assertFalse(raise("40002").isRetrySafe());
  }

  @Test
  void queryCanceledIsOperational() {
    DatabaseError error = raise("57014");
    assertEquals(QueryCanceled.class, error.getClass());
    assertInstanceOf(OperatorIntervention.class, error);
    assertInstanceOf(OperationalError.class, error);
  }

  @Test
  void unknownCodeOfAKnownClassGetsTheClassLevelError() {
    assertEquals(IntegrityConstraintViolation.class, raise("23xyz").getClass());
    assertEquals(SyntaxErrorOrAccessRuleViolation.class, raise("42P99").getClass());
  }

  @Test
  void unknownClassesAndMissingOrShortCodesGetDatabaseError() {
    assertEquals(DatabaseError.class, raise("ZZ999").getClass());
    assertEquals(DatabaseError.class, raise("2").getClass());
    assertEquals(DatabaseError.class, raise("").getClass());
    DatabaseError noSqlState = raise(null);
    assertEquals(DatabaseError.class, noSqlState.getClass());
    assertNull(noSqlState.sqlState());
    assertEquals("tusk: boom", noSqlState.getMessage());
  }

  @Test
  void keepsTheCause() {
    IOException cause = new IOException("reset");
    DatabaseError error = SqlStates.toException(Diagnostic.client("08006", "lost"), cause);
    assertEquals(ConnectionFailure.class, error.getClass());
    assertSame(cause, error.getCause());
  }

  @Test
  void rejectsANullDiagnostic() {
    var error = assertThrows(NullPointerException.class, () -> SqlStates.toException(null));
    assertEquals("diagnostic", error.getMessage());
  }

  @Test
  void renamedClassesFollowTheGeneratorsRules() {
    assertEquals(InternalErrorXx000.class, raise("XX000").getClass());
    assertInstanceOf(InternalError.class, raise("XX000"));
    assertInstanceOf(InternalErrorXx000.class, raise("XX001"));
    assertEquals(ModifyingSqlDataNotPermitted.class, raise("2F002").getClass());
    assertEquals(ModifyingSqlDataNotPermittedExternal.class, raise("38002").getClass());
    assertInstanceOf(ExternalRoutineException.class, raise("38002"));
    assertEquals(NullValueNotAllowed.class, raise("22004").getClass());
    assertEquals(NullValueNotAllowedExternal.class, raise("39004").getClass());
  }

  @Test
  void classesTheEngineRaisesItselfCarryTheirSqlState() {
    IOException io = new IOException("reset");
    OperationalError failure = new ConnectionFailure(Diagnostic.client("08006", "lost"), io);
    assertSame(io, failure.getCause());
    assertEquals("08006", ConnectionFailure.SQLSTATE);
    assertEquals("08003", ConnectionDoesNotExist.SQLSTATE);
    assertEquals("08P01", ProtocolViolation.SQLSTATE);
    assertEquals("08001", SqlclientUnableToEstablishSqlconnection.SQLSTATE);
    assertEquals("08007", TransactionResolutionUnknown.SQLSTATE);
    assertEquals("57014", QueryCanceled.SQLSTATE);
    assertEquals("28P01", InvalidPassword.SQLSTATE);
    assertTrue(
        new SqlclientUnableToEstablishSqlconnection(Diagnostic.client("08001", "no"))
            .isRetrySafe());
    assertFalse(new TransactionResolutionUnknown(Diagnostic.client("08007", "?")).isRetrySafe());
    assertInstanceOf(OperationalError.class, new InvalidPassword(Diagnostic.client("28P01", "")));
  }

  @ParameterizedTest
  @CsvSource({
    "03000, DatabaseError",
    "08000, OperationalError",
    "0A000, NotSupportedError",
    "0Z000, DatabaseError",
    "20000, ProgrammingError",
    "21000, ProgrammingError",
    "22012, DataError",
    "23503, IntegrityError",
    "24000, InternalError",
    "25P02, InternalError",
    "26000, ProgrammingError",
    "27000, OperationalError",
    "28000, OperationalError",
    "2BP01, InternalError",
    "2D000, InternalError",
    "2F005, OperationalError",
    "34000, ProgrammingError",
    "38001, OperationalError",
    "39P01, OperationalError",
    "3B001, OperationalError",
    "3D000, ProgrammingError",
    "3F000, ProgrammingError",
    "40P01, OperationalError",
    "42P01, ProgrammingError",
    "44000, ProgrammingError",
    "53100, OperationalError",
    "54001, OperationalError",
    "55P03, OperationalError",
    "57P01, OperationalError",
    "58030, OperationalError",
    "F0001, OperationalError",
    "HV00N, OperationalError",
    "P0001, ProgrammingError",
    "XX002, InternalError",
  })
  void eachSqlStateClassDerivesFromItsDbApiClass(String sqlState, String dbApiClass) {
    Class<?> type = raise(sqlState).getClass();
    while (!DB_API_CLASSES.contains(type)) {
      type = type.getSuperclass();
    }
    assertEquals(dbApiClass, type.getSimpleName());
  }
}
