package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.ExtendedQueryTest.error;
import static dev.tusk.internal.engine.Scripted.failure;
import static dev.tusk.internal.engine.Scripted.feed;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.DataException;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.IntegrityError;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.SerializationFailure;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.protocol.AuthenticationOk;
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CloseComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyDone;
import dev.tusk.internal.protocol.CopyInResponse;
import dev.tusk.internal.protocol.CopyOutResponse;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParameterStatus;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.PortalSuspended;
import dev.tusk.internal.protocol.RowDescription;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every exchange shares: server errors, protocol violations and refused COPY. */
class ExchangeTest {

  private static final String COPY_REFUSAL = "COPY FROM STDIN needs the COPY API: cursor.copy(sql)";

  private static ExtendedQuery extended(String sql) {
    return new ExtendedQuery(
        sql, new int[0], List.of(new Bindings(new short[0], 0, null)), new short[0]);
  }

  static Stream<Arguments> sqlStates() {
    return Stream.of(
        Arguments.of("23505", UniqueViolation.class),
        Arguments.of("42P01", UndefinedTable.class),
        Arguments.of("40001", SerializationFailure.class),
        Arguments.of("22012", DivisionByZero.class),
        Arguments.of("57014", QueryCanceled.class),
        // Not listed: the class of its first two characters.
        Arguments.of("22ZZZ", DataException.class),
        Arguments.of("ZZ999", DatabaseError.class));
  }

  @ParameterizedTest
  @MethodSource("sqlStates")
  void anErrorResponseFailsASimpleQueryWithItsSqlStatesClass(
      String sqlState, Class<? extends DatabaseError> expected) {
    Throwable error =
        failure(
            new SimpleQuery("INSERT ...; SELECT ..."),
            new CommandComplete("INSERT 0 1"),
            error(sqlState, "it failed"),
            idle());
    assertEquals(expected, error.getClass());
    assertEquals(sqlState, ((DatabaseError) error).diagnostic().sqlState());
    assertEquals("it failed", ((DatabaseError) error).diagnostic().messagePrimary());
  }

  @ParameterizedTest
  @MethodSource("sqlStates")
  void anErrorResponseFailsAnExtendedQueryWithItsSqlStatesClass(
      String sqlState, Class<? extends DatabaseError> expected) {
    Throwable error =
        failure(
            extended("SELECT 1/0"),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            error(sqlState, "it failed"),
            idle());
    assertEquals(expected, error.getClass());
  }

  @Test
  void serverErrorsAreTheDbApiClasses() {
    Throwable error =
        failure(new SimpleQuery("INSERT ..."), error("23505", "duplicate key"), idle());
    assertInstanceOf(IntegrityError.class, error);
  }

  @Test
  void theExchangeWaitsForReadyForQueryAfterAnError() {
    SimpleQuery query = new SimpleQuery("SELECT 1/0");
    assertFalse(query.handle(error("22012", "division by zero"), null));
    assertFalse(query.future().isDone());
  }

  static Stream<BackendMessage> unexpectedInAnyQuery() {
    return Stream.of(
        PortalSuspended.INSTANCE,
        CloseComplete.INSTANCE,
        new ParameterDescription(new int[] {23}),
        new BackendKeyData(42, new byte[] {1, 2, 3, 4}),
        AuthenticationOk.INSTANCE,
        new ParameterStatus("TimeZone", "UTC"),
        new NoticeResponse(Diagnostic.client("01000", "a notice")));
  }

  static Stream<BackendMessage> unexpectedInASimpleQuery() {
    return Stream.concat(
        unexpectedInAnyQuery(),
        Stream.of(ParseComplete.INSTANCE, BindComplete.INSTANCE, NoData.INSTANCE));
  }

  @ParameterizedTest
  @MethodSource("unexpectedInASimpleQuery")
  void aMessageASimpleQueryDoesNotExpectIsAProtocolViolation(BackendMessage message) {
    assertViolation(new SimpleQuery("SELECT 1"), message);
  }

  @ParameterizedTest
  @MethodSource("unexpectedInAnyQuery")
  void aMessageAnExtendedQueryDoesNotExpectIsAProtocolViolation(BackendMessage message) {
    assertViolation(extended("SELECT 1"), message);
  }

  @Test
  void aDataRowBeforeItsRowDescriptionIsAProtocolViolation() {
    assertViolation(new SimpleQuery("SELECT 1"), textRow("1"));
    ExtendedQuery query = extended("SELECT 1");
    query.handle(ParseComplete.INSTANCE, null);
    assertViolation(query, textRow("1"));
  }

  /** Issue 15, defect 3: a row with more or fewer fields than described never reaches a caller. */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aDataRowWhoseFieldCountDiffersFromItsDescriptionIsAProtocolViolation(int fields) {
    RowDescription twoColumns =
        Scripted.description(Scripted.field("a", 25, 0), Scripted.field("b", 25, 0));
    String[] values = new String[fields];
    Arrays.fill(values, "x");
    SimpleQuery simple = new SimpleQuery("SELECT 'x' a, 'x' b");
    simple.handle(twoColumns, null);
    ProtocolViolation violation =
        assertThrows(ProtocolViolation.class, () -> simple.handle(textRow(values), null));
    assertEquals("08P01", violation.diagnostic().sqlState());
    assertTrue(violation.getMessage().contains(fields + " fields"), violation.getMessage());
    assertTrue(violation.getMessage().contains("2 columns"), violation.getMessage());
  }

  private static void assertViolation(Exchange<?> exchange, BackendMessage message) {
    ProtocolViolation violation =
        assertThrows(ProtocolViolation.class, () -> exchange.handle(message, null));
    assertEquals("08P01", violation.diagnostic().sqlState());
    String name = message.getClass().getSimpleName();
    assertEquals(
        "unexpected " + name + " from the server", violation.diagnostic().messagePrimary());
  }

  @Test
  void copyOutInASimpleQueryIsDrainedThenRefused() {
    Throwable error =
        failure(
            new SimpleQuery("COPY t TO STDOUT"),
            new CopyOutResponse(0, new int[] {0, 0}),
            new CopyData("1\ta\n".getBytes()),
            new CopyData("2\tb\n".getBytes()),
            CopyDone.INSTANCE,
            new CommandComplete("COPY 2"),
            idle());
    FeatureNotSupported refusal = assertInstanceOf(FeatureNotSupported.class, error);
    assertEquals("0A000", refusal.diagnostic().sqlState());
    assertTrue(refusal.getMessage().contains("COPY ... TO STDOUT needs the COPY API"));
  }

  @Test
  void copyOutInAnExtendedQueryIsDrainedThenRefused() {
    Throwable error =
        failure(
            extended("COPY t TO STDOUT"),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            new CopyOutResponse(0, new int[] {0}),
            new CopyData("1\n".getBytes()),
            CopyDone.INSTANCE,
            new CommandComplete("COPY 1"),
            idle());
    assertInstanceOf(FeatureNotSupported.class, error);
  }

  @Test
  void aServerErrorAfterARefusedCopyIsTheOneReported() {
    Throwable error =
        failure(
            new SimpleQuery("COPY t TO STDOUT; SELECT 1/0"),
            new CopyOutResponse(0, new int[0]),
            CopyDone.INSTANCE,
            new CommandComplete("COPY 0"),
            error("22012", "division by zero"),
            idle());
    assertInstanceOf(DivisionByZero.class, error);
  }

  @Test
  void copyInInASimpleQueryIsAbortedWithCopyFail() throws Exception {
    SimpleQuery query = new SimpleQuery("COPY t FROM STDIN");
    try (Loopback loopback = Loopback.open()) {
      Outbound outbound = loopback.outbound();
      feed(
          query,
          outbound,
          new CopyInResponse(0, new int[] {0}),
          error("57014", "COPY from stdin failed: " + COPY_REFUSAL),
          idle());
      assertArrayEquals(
          new Expected().message('f', COPY_REFUSAL).toByteArray(), loopback.drain(outbound));
    }
    Throwable error = assertThrows(Exception.class, () -> query.future().join()).getCause();
    assertTrue(((DatabaseError) error).getMessage().contains(COPY_REFUSAL));
  }

  /**
   * The server ignores Sync while in copy-in mode, so the request's own Sync is gone by the time it
   * aborts the COPY; it then discards messages until a Sync. Without a second Sync it would never
   * send ReadyForQuery and the connection would hang.
   */
  @Test
  void copyInInAnExtendedQueryIsAbortedWithCopyFailAndANewSync() throws Exception {
    ExtendedQuery query = extended("COPY t FROM STDIN");
    try (Loopback loopback = Loopback.open()) {
      Outbound outbound = loopback.outbound();
      feed(
          query,
          outbound,
          ParseComplete.INSTANCE,
          BindComplete.INSTANCE,
          NoData.INSTANCE,
          new CopyInResponse(0, new int[] {0}),
          error("57014", "COPY from stdin failed: " + COPY_REFUSAL),
          idle());
      assertArrayEquals(
          new Expected().message('f', COPY_REFUSAL).message('S').toByteArray(),
          loopback.drain(outbound));
    }
    assertTrue(query.future().isCompletedExceptionally());
  }

  @Test
  void failCompletesTheFutureWithThatError() {
    SimpleQuery query = new SimpleQuery("SELECT 1");
    ConnectionDoesNotExist closed =
        new ConnectionDoesNotExist(Diagnostic.client("08003", "the connection is closed"));
    query.fail(closed);
    Throwable error = assertThrows(Exception.class, () -> query.future().join()).getCause();
    assertSame(closed, error);
  }
}
