package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.ExtendedQueryTest.error;
import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.failure;
import static dev.tusk.internal.engine.Scripted.feed;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.run;
import static dev.tusk.internal.engine.Scripted.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prepared and multi-statement requests: their frontend bytes and how responses are routed. */
class StatementStepTest {

  private static final String SQL = "SELECT name FROM t WHERE id = $1";
  private static final int[] TYPES = {23};
  private static final RowDescription NAME = description(field("name", 25, 0));

  private static Bindings id(int value) {
    return new Bindings(
        new short[] {1},
        1,
        (index, out) -> {
          out.writeInt32(4);
          out.writeInt32(value);
        });
  }

  private static byte[] encoded(ExtendedQuery query) {
    WriteBuffer out = new WriteBuffer();
    query.encode(out);
    return out.toByteArray();
  }

  private static void bind(Expected expected, String statement, int id, short... resultFormats) {
    java.util.List<Object> parts =
        new java.util.ArrayList<>(
            List.of(
                "",
                statement,
                (short) 1,
                (short) 1,
                (short) 1,
                4,
                id,
                (short) resultFormats.length));
    for (short format : resultFormats) {
      parts.add(format);
    }
    expected.message('B', parts.toArray());
  }

  @Test
  void aPreparingRunParsesAndDescribesTheNamedStatementThenBindsIt() {
    PreparedStatement statement = new PreparedStatement("tusk_1", SQL, TYPES);
    ExtendedQuery query =
        new ExtendedQuery(List.of(StatementStep.prepare(statement, List.of(id(7)), new short[0])));
    Expected expected =
        new Expected().message('P', "tusk_1", SQL, (short) 1, 23).message('D', 'S', "tusk_1");
    bind(expected, "tusk_1", 7);
    expected.message('E', "", 0).message('S');
    assertArrayEquals(expected.toByteArray(), encoded(query));
  }

  @Test
  void aPreparedRunSendsOnlyBindAndExecute() {
    PreparedStatement statement = new PreparedStatement("tusk_1", SQL, TYPES);
    ExtendedQuery query =
        new ExtendedQuery(
            List.of(StatementStep.prepared(statement, List.of(id(7)), new short[] {1})));
    Expected expected = new Expected();
    bind(expected, "tusk_1", 7, (short) 1);
    expected.message('E', "", 0).message('S');
    assertArrayEquals(expected.toByteArray(), encoded(query));
  }

  @Test
  void theStatementsDescriptionIsKeptAndServesLaterRunsWithTheirFormats() {
    PreparedStatement statement = new PreparedStatement("tusk_1", SQL, TYPES);
    DataRow ann = textRow("ann");
    List<StatementResult> first =
        run(
            new ExtendedQuery(
                List.of(StatementStep.prepare(statement, List.of(id(7)), new short[0]))),
            ParseComplete.INSTANCE,
            new ParameterDescription(TYPES),
            NAME,
            BindComplete.INSTANCE,
            ann,
            new CommandComplete("SELECT 1"),
            idle());
    assertTrue(statement.isDescribed());
    assertSame(NAME, statement.description());
    assertEquals(List.of(ann), first.get(0).rows());
    assertEquals(0, first.get(0).description().fields()[0].format());

    short[] binary = {1};
    List<StatementResult> later =
        run(
            new ExtendedQuery(List.of(StatementStep.prepared(statement, List.of(id(8)), binary))),
            BindComplete.INSTANCE,
            textRow("bob"),
            new CommandComplete("SELECT 1"),
            idle());
    RowDescription.Field column = later.get(0).description().fields()[0];
    assertEquals("name", column.name());
    assertEquals(1, column.format());
    assertSame(
        later.get(0).description(),
        statement.resultDescription(binary),
        "the formatted description is computed once per formats array");
  }

  @Test
  void aStatementWithoutRowsIsDescribedAsSuch() {
    PreparedStatement statement = new PreparedStatement("tusk_2", "DELETE FROM t", new int[0]);
    run(
        new ExtendedQuery(
            List.of(
                StatementStep.prepare(
                    statement, List.of(new Bindings(new short[0], 0, null)), new short[0]))),
        ParseComplete.INSTANCE,
        new ParameterDescription(new int[0]),
        NoData.INSTANCE,
        BindComplete.INSTANCE,
        new CommandComplete("DELETE 2"),
        idle());
    assertTrue(statement.isDescribed());
    assertNull(statement.description());
  }

  @Test
  void aDescriptionForAPreparedRunIsAProtocolViolation() {
    PreparedStatement statement = new PreparedStatement("tusk_1", SQL, TYPES);
    statement.described(NAME);
    ExtendedQuery query =
        new ExtendedQuery(
            List.of(StatementStep.prepared(statement, List.of(id(7)), new short[] {1})));
    query.handle(BindComplete.INSTANCE, null);
    assertThrows(ProtocolViolation.class, () -> query.handle(NAME, null));
    assertThrows(
        ProtocolViolation.class, () -> query.handle(new ParameterDescription(TYPES), null));
  }

  @Test
  void stepsOfOneRequestGetTheirOwnResults() {
    PreparedStatement statement = new PreparedStatement("tusk_1", SQL, TYPES);
    StatementStep prepare = StatementStep.prepare(statement, List.of(id(1)), new short[0]);
    StatementStep again = StatementStep.prepared(statement, List.of(id(2), id(3)), new short[0]);
    StatementStep unnamed =
        StatementStep.unnamed("DELETE FROM t", new int[0], List.of(id(0)), new short[0]);
    run(
        new ExtendedQuery(List.of(prepare, again, unnamed)),
        ParseComplete.INSTANCE,
        new ParameterDescription(TYPES),
        NAME,
        BindComplete.INSTANCE,
        textRow("one"),
        new CommandComplete("SELECT 1"),
        BindComplete.INSTANCE,
        textRow("two"),
        new CommandComplete("SELECT 1"),
        BindComplete.INSTANCE,
        new CommandComplete("SELECT 0"),
        ParseComplete.INSTANCE,
        BindComplete.INSTANCE,
        NoData.INSTANCE,
        new CommandComplete("DELETE 4"),
        idle());
    assertEquals("one", text(prepare.results().get(0).rows().get(0)));
    assertEquals(2, again.results().size());
    assertEquals("two", text(again.results().get(0).rows().get(0)));
    assertTrue(again.results().get(1).rows().isEmpty());
    assertEquals(4, unnamed.results().get(0).rowCount());
    assertNull(unnamed.results().get(0).description());
  }

  @Test
  void anErrorFailsItsStepAndAbortsTheRestButNotTheOnesBefore() {
    StatementStep first = insert(1);
    StatementStep failing = insert(2);
    StatementStep skipped = insert(3);
    Throwable error =
        failure(
            new ExtendedQuery(List.of(first, failing, skipped)),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            new CommandComplete("INSERT 0 1"),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            error("23505", "duplicate key"),
            idle());
    assertInstanceOf(UniqueViolation.class, error);
    assertNull(first.error());
    assertEquals(1, first.results().get(0).rowCount());
    assertSame(error, failing.error());
    PipelineAborted aborted = assertInstanceOf(PipelineAborted.class, skipped.error());
    assertTrue(aborted.getMessage().contains("statement 2"), aborted.getMessage());
  }

  @Test
  void anErrorAfterTheLastStatementBelongsToTheLast() {
    StatementStep only = insert(1);
    ExtendedQuery query = new ExtendedQuery(List.of(only));
    feed(
        query,
        null,
        ParseComplete.INSTANCE,
        BindComplete.INSTANCE,
        NoData.INSTANCE,
        new CommandComplete("INSERT 0 1"),
        error("23503", "deferred foreign key violation at commit"),
        idle());
    assertTrue(query.future().isCompletedExceptionally());
    assertEquals("23503", ((dev.tusk.errors.DatabaseError) only.error()).sqlState());
    assertEquals('I', query.transactionStatusAtEnd());
  }

  private static StatementStep insert(int id) {
    return StatementStep.unnamed("INSERT INTO t VALUES ($1)", TYPES, List.of(id(id)), new short[0]);
  }

  private static String text(DataRow row) {
    return new String(
        row.bytes(), 6, row.bytes().length - 6, java.nio.charset.StandardCharsets.UTF_8);
  }
}
