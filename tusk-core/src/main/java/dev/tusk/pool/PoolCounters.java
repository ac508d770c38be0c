package dev.tusk.pool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool's counters, as psycopg_pool names them. {@link LongAdder}s, since many threads bump them
 * at once on the hot path; times are kept in nanoseconds and reported in milliseconds.
 */
final class PoolCounters {

  final LongAdder requestsNum = new LongAdder();
  final LongAdder requestsQueued = new LongAdder();
  final LongAdder requestsWaitNanos = new LongAdder();
  final LongAdder requestsErrors = new LongAdder();
  final LongAdder usageNanos = new LongAdder();
  final LongAdder connectionsNum = new LongAdder();
  final LongAdder connectionsNanos = new LongAdder();
  final LongAdder connectionsErrors = new LongAdder();
  final LongAdder connectionsLost = new LongAdder();
  final LongAdder connectionsRerouted = new LongAdder();

  /** The gauges a pool reports beside its counters. */
  record Gauges(long poolMin, long poolMax, long poolSize, long poolAvailable, long waiting) {}

  /** The gauges and counters under their stats names; {@code reset} zeroes the counters. */
  Map<String, Long> snapshot(Gauges gauges, boolean reset) {
    Map<String, Long> stats = new LinkedHashMap<>();
    stats.put("pool_min", gauges.poolMin());
    stats.put("pool_max", gauges.poolMax());
    stats.put("pool_size", gauges.poolSize());
    stats.put("pool_available", gauges.poolAvailable());
    stats.put("requests_waiting", gauges.waiting());
    stats.put("requests_num", read(requestsNum, reset));
    stats.put("requests_queued", read(requestsQueued, reset));
    stats.put("requests_wait_ms", millis(read(requestsWaitNanos, reset)));
    stats.put("requests_errors", read(requestsErrors, reset));
    stats.put("usage_ms", millis(read(usageNanos, reset)));
    stats.put("connections_num", read(connectionsNum, reset));
    stats.put("connections_ms", millis(read(connectionsNanos, reset)));
    stats.put("connections_errors", read(connectionsErrors, reset));
    stats.put("connections_lost", read(connectionsLost, reset));
    stats.put("connections_rerouted", read(connectionsRerouted, reset));
    return Collections.unmodifiableMap(stats);
  }

  private static long read(LongAdder adder, boolean reset) {
    return reset ? adder.sumThenReset() : adder.sum();
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
