package dev.tusk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private final List<Comparison> regular = List.of(table("a"), table("a-async"), table("b2"));
  private final List<Comparison> onRequest = List.of(table("a-check"));

  @Test
  void noIdsRunsEveryRegularTableButNotTheOnRequestOnes() {
    assertEquals(regular, Selection.parse(" ").filter(regular, onRequest));
  }

  @Test
  void namedTablesRunInReportOrderWhateverTheOrderGiven() {
    List<Comparison> chosen = Selection.parse("b2, a-check,a").filter(regular, onRequest);

    assertEquals(List.of("a", "b2", "a-check"), chosen.stream().map(Comparison::id).toList());
  }

  @Test
  void anUnknownIdStopsTheRunAndListsTheIds() {
    var failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> Selection.parse("a,b9").filter(regular, onRequest));

    assertTrue(failure.getMessage().contains("'b9'"));
    assertTrue(failure.getMessage().contains("a,a-async,b2,a-check"));
  }

  private static Comparison table(String id) {
    return new Comparison(
        id, id + ". title", "note", new Schedule(0, 1), List.of(Metric.OPS_PER_SECOND), List.of());
  }
}
