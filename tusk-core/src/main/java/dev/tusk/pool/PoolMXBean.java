package dev.tusk.pool;

import java.util.Map;

/**
 * A pool as seen through JMX, registered as {@code dev.tusk:type=ConnectionPool,name=<name>} (or
 * {@code type=NullConnectionPool}) while the pool is open. Read-only: the gauges and counters of
 * {@link Pool#stats()}.
 */
public interface PoolMXBean {

  /** The pool's name. */
  String getName();

  /** {@code pool_min}. */
  long getPoolMin();

  /** {@code pool_max}. */
  long getPoolMax();

  /** {@code pool_size}: connections open now, lent or not. */
  long getPoolSize();

  /** {@code pool_available}: connections free now. */
  long getPoolAvailable();

  /** {@code requests_waiting}: requests waiting now. */
  long getRequestsWaiting();

  /** Every stat of {@link Pool#stats()}, by name. */
  Map<String, Long> getStats();
}
