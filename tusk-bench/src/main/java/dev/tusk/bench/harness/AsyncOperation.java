package dev.tusk.bench.harness;

import java.util.concurrent.CompletionStage;

/** One timed operation of an asynchronous closed loop, e.g. one point select on an event loop. */
@FunctionalInterface
public interface AsyncOperation {

  /** Starts the operation; the stage completes once every value read is in {@code sink}. */
  CompletionStage<?> start(Sink sink) throws Exception;
}
