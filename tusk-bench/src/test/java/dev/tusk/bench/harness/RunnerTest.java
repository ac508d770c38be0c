package dev.tusk.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunnerTest {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final PrintStream progress =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test
  void opensAndWarmsUpEveryContenderThenInterleavesTheRepetitions() {
    Runner runner = new Runner(progress, Duration.ofSeconds(30), OptionalInt.empty());

    ComparisonResult result =
        runner.run(table(new Schedule(1, 2), recording("x"), recording("y"), recording("z")));

    assertEquals(
        List.of(
            "open x",
            "warm x",
            "open y",
            "warm y",
            "open z",
            "warm z",
            "measure x",
            "measure y",
            "measure z",
            "measure x",
            "measure y",
            "measure z",
            "close x",
            "close y",
            "close z"),
        events);
    for (ComparisonResult.Cell cell : result.cells()) {
      assertEquals(2, ((Outcome.Measured) cell.outcome()).samples().size());
    }
  }

  @Test
  void aFailingCellStopsAloneAndTheOthersRunAllTheirRepetitions() {
    Runner runner = new Runner(progress, Duration.ofSeconds(30), OptionalInt.of(3));
    Contender failing =
        Contender.baseline(
            "broken",
            Driver.PGJDBC,
            () ->
                phase -> {
                  if (phase == Phase.MEASURE) {
                    throw new IllegalStateException("boom\nsecond line");
                  }
                  return Sample.of(Metric.OPS_PER_SECOND, 1);
                });
    Contender unfinished =
        Contender.of(
            "tusk",
            Driver.TUSK,
            () -> {
              throw new UnsupportedOperationException("no COPY API yet");
            });
    Contender missing =
        Contender.of(
            "pgbench",
            Driver.PGBENCH,
            () -> {
              throw new Unavailable("pgbench not found");
            });

    ComparisonResult result =
        runner.run(table(new Schedule(0, 1), failing, unfinished, missing, recording("fine")));

    assertEquals(
        "IllegalStateException: boom",
        assertInstanceOf(Outcome.Failed.class, result.cells().get(0).outcome()).reason());
    assertEquals(
        "UnsupportedOperationException: no COPY API yet",
        assertInstanceOf(Outcome.NotYet.class, result.cells().get(1).outcome()).reason());
    assertEquals(
        "pgbench not found",
        assertInstanceOf(Outcome.Skipped.class, result.cells().get(2).outcome()).reason());
    Outcome.Measured fine =
        assertInstanceOf(Outcome.Measured.class, result.cells().get(3).outcome());
    assertEquals(3, fine.samples().size(), "the repetitions override the table's one");
    assertEquals(3, result.comparison().schedule().repetitions());
  }

  @Test
  void aHungCellTimesOutAndTheTableGoesOn() {
    Runner runner = new Runner(progress, Duration.ofMillis(300), OptionalInt.empty());
    Contender hung =
        Contender.of(
            "hung",
            Driver.VERTX,
            () ->
                phase -> {
                  Thread.sleep(60_000);
                  return Sample.of(Metric.OPS_PER_SECOND, 1);
                });

    ComparisonResult result = runner.run(table(new Schedule(0, 2), hung, recording("fine")));

    assertTrue(
        assertInstanceOf(Outcome.Failed.class, result.cells().get(0).outcome())
            .reason()
            .startsWith("timed out"));
    assertInstanceOf(Outcome.Measured.class, result.cells().get(1).outcome());
  }

  private Contender recording(String name) {
    return Contender.of(
        name,
        Driver.PGJDBC,
        () -> {
          events.add("open " + name);
          return new Probe() {
            @Override
            public Sample run(Phase phase) {
              events.add((phase == Phase.WARM_UP ? "warm " : "measure ") + name);
              return Sample.of(Metric.OPS_PER_SECOND, 1);
            }

            @Override
            public void close() {
              events.add("close " + name);
            }
          };
        });
  }

  private static Comparison table(Schedule schedule, Contender... contenders) {
    return new Comparison(
        "t",
        "t. test table",
        "note",
        schedule,
        List.of(Metric.OPS_PER_SECOND),
        List.of(contenders));
  }
}
