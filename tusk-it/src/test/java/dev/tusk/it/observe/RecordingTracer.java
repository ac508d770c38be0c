package dev.tusk.it.observe;

import dev.tusk.StatementOutcome;
import dev.tusk.TracedStatement;
import dev.tusk.Tracer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tracer that keeps what it hears, and checks that each end gets its own start's state. */
final class RecordingTracer implements Tracer<Integer> {

  /** One statement heard of, start to end. */
  record Heard(TracedStatement statement, StatementOutcome outcome, String startThread) {}

  private final boolean parameters;
  private final AtomicInteger started = new AtomicInteger();
  private final List<String> startThreads = new CopyOnWriteArrayList<>();
  final List<Heard> heard = new CopyOnWriteArrayList<>();

  RecordingTracer(boolean parameters) {
    this.parameters = parameters;
  }

  @Override
  public Integer start(TracedStatement statement) {
    startThreads.add(Thread.currentThread().getName());
    return started.getAndIncrement();
  }

  @Override
  public void end(Integer state, TracedStatement statement, StatementOutcome outcome) {
    heard.add(new Heard(statement, outcome, startThreads.get(state)));
  }

  @Override
  public boolean includesParameters() {
    return parameters;
  }

  int started() {
    return started.get();
  }

  /** The last statement heard of with this SQL. */
  Heard last(String sql) {
    for (int i = heard.size() - 1; i >= 0; i--) {
      if (heard.get(i).statement().sql().equals(sql)) {
        return heard.get(i);
      }
    }
    throw new AssertionError("no statement " + sql + " among " + heard);
  }
}
