package dev.tusk.fuzz;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;

/**
 * The long-running fuzz mode, off by default: {@code -Dtusk.fuzz.tries=10000000} feeds that many
 * generated inputs to a check, beyond the few thousand each property tries in every build. A check
 * that throws fails the run with the input; one input that takes longer than {@link #STUCK} fails
 * it as a hang, naming the input, instead of hanging the build.
 */
public final class LongFuzz {

  /** The system property giving the number of inputs; absent or 0 turns the mode off. */
  public static final String TRIES = "tusk.fuzz.tries";

  /** How long one input may take before the run counts as hung. */
  public static final Duration STUCK = Duration.ofSeconds(30);

  private static final long REPORT_EVERY = 1_000_000;

  private LongFuzz() {}

  /**
   * Feeds {@code inputs} to {@code check} as many times as {@link #TRIES} asks; skips the caller (a
   * jqwik example) when the mode is off.
   */
  public static <T> void run(String name, Arbitrary<T> inputs, Consumer<T> check) {
    long tries = Long.getLong(TRIES, 0);
    Assume.that(tries > 0);
    AtomicLong done = new AtomicLong();
    AtomicReference<Object> current = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        Thread.ofPlatform()
            .name("long-fuzz-" + name)
            .daemon()
            .start(() -> feed(inputs, check, tries, done, current, failure));
    watch(name, worker, done, current, failure, tries);
  }

  private static <T> void feed(
      Arbitrary<T> inputs,
      Consumer<T> check,
      long tries,
      AtomicLong done,
      AtomicReference<Object> current,
      AtomicReference<Throwable> failure) {
    try {
      Iterator<T> samples = inputs.sampleStream().iterator();
      for (long i = 0; i < tries; i++) {
        T input = samples.next();
        current.set(input);
        check.accept(input);
        done.incrementAndGet();
      }
    } catch (Throwable e) {
      failure.set(e);
    }
  }

  private static void watch(
      String name,
      Thread worker,
      AtomicLong done,
      AtomicReference<Object> current,
      AtomicReference<Throwable> failure,
      long tries) {
    long lastCount = -1;
    long lastProgress = System.nanoTime();
    long nextReport = REPORT_EVERY;
    try {
      while (worker.isAlive()) {
        worker.join(Duration.ofSeconds(1));
        long count = done.get();
        if (count != lastCount) {
          lastCount = count;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STUCK.toNanos()) {
          worker.interrupt();
          throw new AssertionError(
              name + " hung for " + STUCK + " on input " + describe(current.get()));
        }
        if (count >= nextReport) {
          System.out.println(name + ": " + count + " of " + tries + " inputs");
          nextReport += REPORT_EVERY;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(name + " was interrupted", e);
    }
    Throwable thrown = failure.get();
    if (thrown != null) {
      throw new AssertionError(
          name + " failed after " + done.get() + " inputs on " + describe(current.get()), thrown);
    }
  }

  private static String describe(Object input) {
    if (input instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(input).replace("\n", "\\n");
  }
}
