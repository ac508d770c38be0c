package dev.tusk.bench.harness;

/** One timed operation of a closed loop, e.g. one point select. */
@FunctionalInterface
public interface Operation {

  /** Performs the operation once, handing every value it reads to {@code sink}. */
  void perform(Sink sink) throws Exception;
}
