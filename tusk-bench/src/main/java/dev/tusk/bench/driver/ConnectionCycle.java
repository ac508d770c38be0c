package dev.tusk.bench.driver;

/** Opens a physical connection and closes it again (workload f). */
@FunctionalInterface
public interface ConnectionCycle {

  /** Connects, authenticates, and closes. */
  void openAndClose() throws Exception;
}
