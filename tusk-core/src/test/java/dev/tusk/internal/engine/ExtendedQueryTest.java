package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.failure;
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

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.SyntaxError;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.EmptyQueryResponse;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The extended protocol's exchange: its frontend bytes, and results from scripted responses. */
class ExtendedQueryTest {

  private static final String SQL = "INSERT INTO t (id, name) VALUES ($1, $2) RETURNING id";
  private static final int[] TYPES = {23, 0};
  private static final short[] RESULT_FORMATS = {1};
  private static final RowDescription ID = description(field("id", 23, 1));

  /** One parameter set: $1 an int4 in binary, $2 a text value. */
  private static Bindings set(int id, String name) {
    return new Bindings(
        new short[] {1, 0},
        2,
        (index, out) -> {
          if (index == 0) {
            out.writeInt32(4);
            out.writeInt32(id);
          } else {
            out.writeInt32(name.length());
            out.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          }
        });
  }

  private static ExtendedQuery insert(Bindings... sets) {
    return new ExtendedQuery(SQL, TYPES, List.of(sets), RESULT_FORMATS);
  }

  private static byte[] encoded(ExtendedQuery query) {
    WriteBuffer out = new WriteBuffer();
    query.encode(out);
    return out.toByteArray();
  }

  private static Expected parse() {
    return new Expected().message('P', "", SQL, (short) 2, 23, 0);
  }

  private static void bind(Expected expected, int id, String name) {
    expected.message(
        'B',
        "",
        "",
        (short) 2,
        (short) 1,
        (short) 0,
        (short) 2,
        4,
        id,
        name.length(),
        name.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        (short) 1,
        (short) 1);
  }

  private static void execute(Expected expected) {
    expected.message('E', "", 0);
  }

  @Test
  void oneSetIsParseBindDescribeExecuteSync() {
    Expected expected = parse();
    bind(expected, 7, "ann");
    expected.message('D', 'P', "");
    execute(expected);
    expected.message('S');
    assertArrayEquals(expected.toByteArray(), encoded(insert(set(7, "ann"))));
  }

  @Test
  void threeSetsShareOneParseOneDescribeAndOneSync() {
    Expected expected = parse();
    bind(expected, 1, "a");
    expected.message('D', 'P', "");
    execute(expected);
    bind(expected, 2, "bb");
    execute(expected);
    bind(expected, 3, "ccc");
    execute(expected);
    expected.message('S');
    assertArrayEquals(
        expected.toByteArray(), encoded(insert(set(1, "a"), set(2, "bb"), set(3, "ccc"))));
  }

  @Test
  void aQueryWithoutParametersSendsEmptyCountsAndTextResults() {
    ExtendedQuery query =
        new ExtendedQuery(
            "SELECT 1", new int[0], List.of(new Bindings(new short[0], 0, null)), new short[0]);
    Expected expected =
        new Expected()
            .message('P', "", "SELECT 1", (short) 0)
            .message('B', "", "", (short) 0, (short) 0, (short) 0)
            .message('D', 'P', "")
            .message('E', "", 0)
            .message('S');
    assertArrayEquals(expected.toByteArray(), encoded(query));
  }

  @Test
  void aQueryNeedsAParameterSet() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExtendedQuery(SQL, TYPES, List.of(), RESULT_FORMATS));
  }

  @Test
  void oneSetGivesItsRowsTagAndCount() {
    DataRow row = DataRow.of(new byte[] {0, 0, 0, 7});
    List<StatementResult> results =
        run(
            insert(set(7, "ann")),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            ID,
            row,
            new CommandComplete("INSERT 0 1"),
            idle());
    assertEquals(1, results.size());
    assertSame(ID, results.get(0).description());
    assertEquals(List.of(row), results.get(0).rows());
    assertEquals("INSERT 0 1", results.get(0).commandTag());
    assertEquals(1, results.get(0).rowCount());
  }

  @Test
  void aStatementWithoutRowsHasNoDescription() {
    List<StatementResult> results =
        run(
            insert(set(7, "ann")),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            new CommandComplete("UPDATE 3"),
            idle());
    assertNull(results.get(0).description());
    assertTrue(results.get(0).rows().isEmpty());
    assertEquals(3, results.get(0).rowCount());
  }

  @Test
  void everySetGetsItsOwnResultUnderTheFirstSetsDescription() {
    DataRow one = textRow("1");
    DataRow two = textRow("2");
    DataRow three = textRow("3");
    List<StatementResult> results =
        run(
            insert(set(1, "a"), set(2, "b"), set(3, "c")),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            ID,
            one,
            new CommandComplete("INSERT 0 1"),
            BindComplete.INSTANCE,
            two,
            new CommandComplete("INSERT 0 1"),
            BindComplete.INSTANCE,
            three,
            new CommandComplete("INSERT 0 1"),
            idle());
    assertEquals(3, results.size());
    assertEquals(List.of(one), results.get(0).rows());
    assertEquals(List.of(two), results.get(1).rows());
    assertEquals(List.of(three), results.get(2).rows());
    for (StatementResult result : results) {
      assertSame(ID, result.description());
      assertEquals(1, result.rowCount());
    }
  }

  @Test
  void setsWithoutRowsReportTheirOwnCounts() {
    List<StatementResult> results =
        run(
            insert(set(1, "a"), set(2, "b"), set(3, "c")),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            new CommandComplete("UPDATE 2"),
            BindComplete.INSTANCE,
            new CommandComplete("UPDATE 0"),
            BindComplete.INSTANCE,
            new CommandComplete("UPDATE 5"),
            idle());
    assertEquals(List.of(2L, 0L, 5L), results.stream().map(StatementResult::rowCount).toList());
    results.forEach(result -> assertNull(result.description()));
  }

  @Test
  void anErrorInALaterSetFailsTheWholeRequest() {
    Throwable error =
        failure(
            insert(set(1, "a"), set(1, "a")),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            new CommandComplete("INSERT 0 1"),
            BindComplete.INSTANCE,
            error("23505", "duplicate key value violates unique constraint \"t_pkey\""),
            idle());
    UniqueViolation violation = assertInstanceOf(UniqueViolation.class, error);
    assertEquals("23505", violation.diagnostic().sqlState());
    assertEquals(
        "duplicate key value violates unique constraint \"t_pkey\"",
        violation.diagnostic().messagePrimary());
  }

  @Test
  void aParseErrorFailsTheRequest() {
    Throwable error =
        failure(insert(set(1, "a")), error("42601", "syntax error at or near \"SELEC\""), idle());
    assertInstanceOf(SyntaxError.class, error);
  }

  @Test
  void anEmptyStatementGivesAResultWithoutTag() {
    List<StatementResult> results =
        run(
            new ExtendedQuery(
                "", new int[0], List.of(new Bindings(new short[0], 0, null)), new short[0]),
            ParseComplete.INSTANCE,
            BindComplete.INSTANCE,
            NoData.INSTANCE,
            EmptyQueryResponse.INSTANCE,
            idle());
    assertEquals(1, results.size());
    assertNull(results.get(0).commandTag());
    assertEquals(-1, results.get(0).rowCount());
  }

  /** Any number of sets, each returning any number of rows, comes back set by set. */
  @Property(tries = 200)
  void resultsMirrorTheSets(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(max = 4) Integer> rowsPerSet) {
    List<Bindings> sets = new ArrayList<>();
    List<BackendMessage> messages = new ArrayList<>(List.of(ParseComplete.INSTANCE));
    for (int i = 0; i < rowsPerSet.size(); i++) {
      sets.add(set(i, "n"));
      messages.add(BindComplete.INSTANCE);
      if (i == 0) {
        messages.add(ID);
      }
      for (int row = 0; row < rowsPerSet.get(i); row++) {
        messages.add(textRow(i + "." + row));
      }
      messages.add(new CommandComplete("INSERT 0 " + rowsPerSet.get(i)));
    }
    messages.add(idle());
    List<StatementResult> results =
        run(
            new ExtendedQuery(SQL, TYPES, sets, RESULT_FORMATS),
            messages.toArray(BackendMessage[]::new));
    assertEquals(rowsPerSet.size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      assertSame(ID, results.get(i).description());
      assertEquals(rowsPerSet.get(i), results.get(i).rows().size());
      assertEquals((long) rowsPerSet.get(i), results.get(i).rowCount());
    }
  }

  static ErrorResponse error(String sqlState, String message) {
    return new ErrorResponse(
        Diagnostic.of(Map.of('S', "ERROR", 'V', "ERROR", 'C', sqlState, 'M', message)));
  }
}
