package dev.tusk.bench.harness;

/**
 * One row of a table: a driver doing the table's work in one way.
 *
 * @param label the row heading, e.g. "pgjdbc 42.7.14, fetchSize 10000"
 * @param driver the software measured
 * @param baseline whether this row may be the ratio's denominator (the best baseline row is)
 * @param opener sets up the probe
 */
public record Contender(String label, Driver driver, boolean baseline, Opener opener) {

  /** Sets up a contender's probe. */
  @FunctionalInterface
  public interface Opener {
    /** Opens the probe; throws {@link Unavailable} if it cannot run here. */
    Probe open() throws Exception;
  }

  /** A contender that is not the baseline. */
  public static Contender of(String label, Driver driver, Opener opener) {
    return new Contender(label, driver, false, opener);
  }

  /** A contender that may be the baseline. */
  public static Contender baseline(String label, Driver driver, Opener opener) {
    return new Contender(label, driver, true, opener);
  }
}
