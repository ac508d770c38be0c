package dev.tusk.bench.harness;

/** Thrown when a contender cannot run on this machine (a missing tool): its cell is skipped. */
public final class Unavailable extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the contender cannot run, e.g. "pgbench not found". */
  public Unavailable(String reason) {
    super(reason);
  }
}
