package dev.tusk.bench.harness;

/**
 * One cell of a table, set up once (connections opened, statements prepared) and then run for each
 * warm-up and each repetition.
 */
public interface Probe extends AutoCloseable {

  /** Runs once and returns what it measured. */
  Sample run(Phase phase) throws Exception;

  /** Releases what the probe opened; by default nothing. */
  @Override
  default void close() throws Exception {}
}
