package dev.tusk.pool;

import java.util.Map;

/** The {@link PoolMXBean} of one pool: reads its stats. */
final class PoolBean implements PoolMXBean {

  private final Pool pool;

  PoolBean(Pool pool) {
    this.pool = pool;
  }

  @Override
  public String getName() {
    return pool.name();
  }

  @Override
  public long getPoolMin() {
    return pool.stats().get("pool_min");
  }

  @Override
  public long getPoolMax() {
    return pool.stats().get("pool_max");
  }

  @Override
  public long getPoolSize() {
    return pool.stats().get("pool_size");
  }

  @Override
  public long getPoolAvailable() {
    return pool.stats().get("pool_available");
  }

  @Override
  public long getRequestsWaiting() {
    return pool.stats().get("requests_waiting");
  }

  @Override
  public Map<String, Long> getStats() {
    return pool.stats();
  }
}
