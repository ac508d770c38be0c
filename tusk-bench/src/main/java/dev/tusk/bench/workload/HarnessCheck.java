package dev.tusk.bench.workload;

import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.harness.ClosedLoop;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Operation;
import dev.tusk.bench.harness.Phase;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Sample;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * a-check, run only on request ({@code -Dbench.only=a-check}): how far workload a's numbers are the
 * drivers' and not the harness's. The harness's own cost per operation (a no-op, timed and plain),
 * each Java driver timed and in a plain loop and on a virtual thread instead of a platform thread,
 * and pgbench over TCP and over the Unix socket; all interleaved in one run.
 */
public final class HarnessCheck implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    Operation noOp = sink -> sink.take(1L);
    return List.of(
        new Comparison(
            "a-check",
            "a-check. The harness checked against plain loops, thread kinds and transports",
            "The point select of a. *Timed* is the harness's loop (a clock read and a latency"
                + " recorded per operation, on a platform thread), as in a; *plain* calls the"
                + " driver back to back and reads the clock once per 32 operations; *virtual"
                + " thread* is the plain loop on a virtual thread. The no-op rows time an"
                + " operation that does nothing: their ops/s is the harness's own ceiling.",
            mode.schedule(),
            PointSelect.METRICS,
            List.of(
                Contender.of(
                    "no-op, timed",
                    Driver.HARNESS,
                    () ->
                        phase ->
                            ClosedLoop.sequential(
                                noOp, mode.duration(phase), Metric.OPS_PER_SECOND)),
                Contender.of(
                    "no-op, plain",
                    Driver.HARNESS,
                    () ->
                        phase ->
                            ClosedLoop.plain(noOp, mode.duration(phase), Metric.OPS_PER_SECOND)),
                Contender.baseline(
                    Labels.PGJDBC + ", timed",
                    Driver.PGJDBC,
                    () -> Probes.sequential(mode, drivers.pgjdbc().pointQuery())),
                Contender.of(
                    Labels.PGJDBC + ", plain",
                    Driver.PGJDBC,
                    () -> Probes.plain(mode, drivers.pgjdbc().pointQuery())),
                Contender.of(
                    Labels.PGJDBC + ", plain, virtual thread",
                    Driver.PGJDBC,
                    () -> onVirtualThread(Probes.plain(mode, drivers.pgjdbc().pointQuery()))),
                Contender.of(
                    Labels.TUSK + ", timed",
                    Driver.TUSK,
                    () -> Probes.sequential(mode, drivers.tusk().pointQuery())),
                Contender.of(
                    Labels.TUSK + ", plain",
                    Driver.TUSK,
                    () -> Probes.plain(mode, drivers.tusk().pointQuery())),
                Contender.of(
                    Labels.TUSK + ", plain, virtual thread",
                    Driver.TUSK,
                    () -> onVirtualThread(Probes.plain(mode, drivers.tusk().pointQuery()))),
                Contender.of(
                    Labels.PGBENCH + ", TCP",
                    Driver.PGBENCH,
                    () -> Probes.pgbench(mode, Pgbench.find(bench.endpoint()), 1, 1)),
                Contender.of(
                    Labels.PGBENCH + ", Unix socket",
                    Driver.PGBENCH,
                    () ->
                        Probes.pgbench(
                            mode, Pgbench.find(bench.endpoint()).viaUnixSocket(), 1, 1)))));
  }

  /** {@code probe} with each run on a virtual thread of its own, the calling thread waiting. */
  private static Probe onVirtualThread(Probe probe) {
    return new Probe() {
      @Override
      public Sample run(Phase phase) throws Exception {
        FutureTask<Sample> run = new FutureTask<>(() -> probe.run(phase));
        Thread.ofVirtual().name("bench-virtual-client").start(run).join();
        try {
          return run.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }

      @Override
      public void close() throws Exception {
        probe.close();
      }
    };
  }
}
