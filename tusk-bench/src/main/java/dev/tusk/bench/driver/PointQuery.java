package dev.tusk.bench.driver;

import dev.tusk.bench.harness.Sink;

/**
 * The point select of workloads a and b ({@code Tables.POINT_SELECT}) as one driver runs it,
 * reading all five columns as their Java types. Implementations say whether they may be called from
 * many threads at once.
 */
public interface PointQuery extends AutoCloseable {

  /** Selects the account {@code id} and hands its values to {@code sink}. */
  void select(long id, Sink sink) throws Exception;

  /** Closes the connection(s) or pool behind the query. */
  @Override
  void close() throws Exception;
}
