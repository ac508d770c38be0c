package dev.tusk.it.hostile;

import dev.tusk.errors.TuskException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a soak run came to: right answers per operation, typed errors per class, and everything else
 * (a wrong answer, an exception outside the driver's tree), which fails the run.
 */
final class SoakTally {

  private final Map<String, LongAdder> right = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> typed = new ConcurrentHashMap<>();
  final List<String> wrong = new CopyOnWriteArrayList<>();

  /** Counts one run of {@code operation}: right, a typed error, or wrong. */
  void run(String operation, Runnable work) {
    try {
      work.run();
      count(right, operation);
    } catch (TuskException e) {
      count(typed, e.getClass().getSimpleName());
    } catch (AssertionError e) {
      wrong.add(operation + ": " + e.getMessage());
    } catch (RuntimeException e) {
      wrong.add(operation + ": not a typed error: " + e);
    }
  }

  long rightAnswers() {
    return right.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long right(String operation) {
    LongAdder count = right.get(operation);
    return count == null ? 0 : count.sum();
  }

  private static void count(Map<String, LongAdder> counts, String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  @Override
  public String toString() {
    return "right " + sums(right) + ", typed errors " + sums(typed) + ", wrong " + wrong;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> sums = new TreeMap<>();
    counts.forEach((key, count) -> sums.put(key, count.sum()));
    return sums;
  }
}
