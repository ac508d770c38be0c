package dev.tusk.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs an operation back to back for a fixed time, from one client or many, recording every
 * latency: the throughput (as the given metric), p50 and p99, and this JVM's context switches and
 * CPU time per operation over the same window ({@link ProcessCounters}).
 */
public final class ClosedLoop {

  /** Operations between two clock reads in {@link #plain}: a few milliseconds of point selects. */
  private static final int PLAIN_BATCH = 32;

  private ClosedLoop() {}

  /**
   * One client on the calling (platform) thread, so that nothing but the driver sits between two
   * operations.
   */
  public static Sample sequential(Operation operation, Duration duration, Metric throughput)
      throws Exception {
    LatencyLog log = new LatencyLog();
    ProcessCounters before = ProcessCounters.read();
    long start = System.nanoTime();
    drive(operation, start + duration.toNanos(), log);
    return sample(log, System.nanoTime() - start, throughput, before);
  }

  /**
   * The operation back to back on the calling thread with no clock read between operations (one per
   * {@link #PLAIN_BATCH}): a check that the per-operation timing of {@link #sequential} costs
   * nothing visible. Throughput and the JVM's counters only, no latencies.
   */
  public static Sample plain(Operation operation, Duration duration, Metric throughput)
      throws Exception {
    Sink sink = new Sink();
    long operations = 0;
    ProcessCounters before = ProcessCounters.read();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    long now;
    do {
      for (int i = 0; i < PLAIN_BATCH; i++) {
        operation.perform(sink);
      }
      operations += PLAIN_BATCH;
      now = System.nanoTime();
    } while (now < deadline);
    ProcessCounters used = ProcessCounters.read().since(before);
    sink.publish();
    return used.perOperation(Sample.of(throughput, operations * 1e9 / (now - start)), operations);
  }

  /** {@code clients} virtual threads, each running {@code operation} back to back. */
  public static Sample concurrent(
      Operation operation, int clients, Duration duration, Metric throughput) throws Exception {
    ThreadFactory factory = Thread.ofVirtual().name("bench-client-", 0).factory();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<LatencyLog>> logs = new ArrayList<>();
    try (var executor = Executors.newThreadPerTaskExecutor(factory)) {
      for (int i = 0; i < clients; i++) {
        logs.add(executor.submit(() -> awaitThenDrive(go, operation, duration)));
      }
      ProcessCounters before = ProcessCounters.read();
      long start = System.nanoTime();
      go.countDown();
      LatencyLog all = new LatencyLog();
      for (Future<LatencyLog> log : logs) {
        all.addAll(join(log));
      }
      return sample(all, System.nanoTime() - start, throughput, before);
    }
  }

  /**
   * {@code clients} asynchronous chains: each starts its next operation from the completion of the
   * previous one, on whatever thread completes it, with no thread blocked in between.
   */
  public static Sample asynchronous(
      AsyncOperation operation, int clients, Duration duration, Metric throughput)
      throws Exception {
    ProcessCounters before = ProcessCounters.read();
    long start = System.nanoTime();
    List<Chain> chains = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Chain chain = new Chain(operation, start + duration.toNanos());
      chains.add(chain);
      chain.next();
    }
    LatencyLog all = new LatencyLog();
    for (Chain chain : chains) {
      all.addAll(join(chain.done));
    }
    return sample(all, System.nanoTime() - start, throughput, before);
  }

  /** One asynchronous client: its callbacks run one after another, so its log needs no lock. */
  private static final class Chain {
    private final AsyncOperation operation;
    private final long deadline;
    private final LatencyLog log = new LatencyLog();
    private final Sink sink = new Sink();
    private final CompletableFuture<LatencyLog> done = new CompletableFuture<>();

    Chain(AsyncOperation operation, long deadline) {
      this.operation = operation;
      this.deadline = deadline;
    }

    void next() {
      long before = System.nanoTime();
      if (before >= deadline) {
        sink.publish();
        done.complete(log);
        return;
      }
      try {
        operation
            .start(sink)
            .whenComplete(
                (ignored, failure) -> {
                  if (failure != null) {
                    done.completeExceptionally(failure);
                  } else {
                    log.add(System.nanoTime() - before);
                    next();
                  }
                });
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    }
  }

  private static LatencyLog awaitThenDrive(CountDownLatch go, Operation operation, Duration d)
      throws Exception {
    go.await();
    LatencyLog log = new LatencyLog();
    drive(operation, System.nanoTime() + d.toNanos(), log);
    return log;
  }

  private static void drive(Operation operation, long deadline, LatencyLog log) throws Exception {
    Sink sink = new Sink();
    long before = System.nanoTime();
    while (before < deadline) {
      operation.perform(sink);
      long after = System.nanoTime();
      log.add(after - before);
      before = after;
    }
    sink.publish();
  }

  private static LatencyLog join(Future<LatencyLog> log) throws Exception {
    try {
      return log.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The window's sample; reads the counters first, before sorting the log costs CPU. */
  private static Sample sample(
      LatencyLog log, long elapsedNanos, Metric throughput, ProcessCounters before) {
    ProcessCounters used = ProcessCounters.read().since(before);
    Sample sample =
        Sample.of(throughput, log.size() * 1e9 / elapsedNanos)
            .with(Metric.P50_MICROS, log.percentileMicros(50))
            .with(Metric.P99_MICROS, log.percentileMicros(99));
    return used.perOperation(sample, log.size());
  }
}
