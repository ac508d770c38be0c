package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.run;
import static dev.tusk.internal.engine.Scripted.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProtocolViolation;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.PortalSuspended;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server cursor's portal steps: one binds a statement into a named portal and describes it
 * without running it, another executes that portal for so many rows and may end on PortalSuspended.
 */
class PortalStepsTest {

  private static final RowDescription G = description(field("g", 23, 1));

  private static StatementStep opening(String portal) {
    StatementStep step =
        StatementStep.unnamed(
            "SELECT g FROM t",
            new int[0],
            List.of(new Bindings(new short[0], 0, null)),
            new short[] {1});
    step.openPortal(portal);
    return step;
  }

  private static byte[] encoded(StatementStep step) {
    WriteBuffer out = new WriteBuffer();
    new ExtendedQuery(List.of(step)).encode(out);
    return out.toByteArray();
  }

  @Test
  void openingIsParseBindIntoTheNamedPortalAndItsDescribeWithoutExecute() {
    Expected expected =
        new Expected()
            .message('P', "", "SELECT g FROM t", (short) 0)
            .message('B', "cur", "", (short) 0, (short) 0, (short) 1, (short) 1)
            .message('D', 'P', "cur")
            .message('S');
    assertArrayEquals(expected.toByteArray(), encoded(opening("cur")));
  }

  @Test
  void openingCompletesWithThePortalsDescriptionAndNoRows() {
    StatementStep step = opening("cur");
    run(new ExtendedQuery(List.of(step)), ParseComplete.INSTANCE, BindComplete.INSTANCE, G, idle());
    assertEquals(1, step.results().size());
    assertSame(G, step.results().get(0).description());
    assertTrue(step.results().get(0).rows().isEmpty());
  }

  @Test
  void aFetchIsOneExecuteOfThePortalWithItsRowLimit() {
    Expected expected = new Expected().message('E', "cur", 500).message('S');
    assertArrayEquals(expected.toByteArray(), encoded(StatementStep.fetch("cur", G, 500)));
  }

  @Test
  void aFetchStoppedAtItsLimitEndsOnPortalSuspended() {
    DataRow one = textRow("1");
    DataRow two = textRow("2");
    StatementStep step = StatementStep.fetch("cur", G, 2);
    run(new ExtendedQuery(List.of(step)), one, two, PortalSuspended.INSTANCE, idle());
    StatementResult result = step.results().get(0);
    assertEquals(List.of(one, two), result.rows());
    assertTrue(result.isSuspended());
    assertTrue(result.isComplete());
  }

  @Test
  void aFetchThatReachesTheEndEndsOnCommandComplete() {
    DataRow one = textRow("1");
    StatementStep step = StatementStep.fetch("cur", G, 2);
    run(new ExtendedQuery(List.of(step)), one, new CommandComplete("SELECT 1"), idle());
    StatementResult result = step.results().get(0);
    assertEquals(List.of(one), result.rows());
    assertFalse(result.isSuspended());
    assertEquals(1, result.rowCount());
  }

  @Test
  void portalSuspendedIsStillUnexpectedForAnOrdinaryStatement() {
    StatementStep step =
        StatementStep.unnamed(
            "SELECT 1", new int[0], List.of(new Bindings(new short[0], 0, null)), new short[0]);
    ExtendedQuery query = new ExtendedQuery(List.of(step));
    query.handle(ParseComplete.INSTANCE, null);
    query.handle(BindComplete.INSTANCE, null);
    query.handle(G, null);
    assertThrows(ProtocolViolation.class, () -> query.handle(PortalSuspended.INSTANCE, null));
  }

  @Test
  void onlyAOneSetStatementOpensANamedPortal() {
    StatementStep two =
        StatementStep.unnamed(
            "SELECT $1",
            new int[] {23},
            List.of(new Bindings(new short[0], 0, null), new Bindings(new short[0], 0, null)),
            new short[0]);
    assertThrows(IllegalArgumentException.class, () -> two.openPortal("cur"));
    assertThrows(IllegalArgumentException.class, () -> opening(""));
    assertThrows(IllegalArgumentException.class, () -> StatementStep.fetch("", G, 1));
  }
}
