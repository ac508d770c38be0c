package dev.tusk.bench.harness;

/** Whether a run warms up (result discarded) or measures. */
public enum Phase {
  /** Lets the JIT, caches and plans settle; the result is discarded. */
  WARM_UP,
  /** A repetition whose result is reported. */
  MEASURE
}
