package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParameterWriter;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;

/**
 * Statements over the extended protocol, each a {@link StatementStep}, followed by one Sync.
 * Because they share the Sync they form one implicit transaction: an error in any of them undoes
 * them all, and the server skips the rest (each skipped step fails with {@link PipelineAborted}).
 *
 * <p>The future yields the first step's results (the common case of one statement) or fails with
 * the server's error; a pipeline reads every step's own outcome instead.
 */
public final class ExtendedQuery extends Exchange<List<StatementResult>> {

  /** One parameter set, encoded by the client's codecs: formats per parameter and the values. */
  public record Bindings(short[] formats, int count, ParameterWriter values) {}

  private final List<StatementStep> steps;

  /** The step whose responses arrive now: steps before it are complete. */
  private int position;

  /**
   * @param steps the statements, at least one, in the order they run
   */
  public ExtendedQuery(List<StatementStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("an extended query needs at least one statement");
    }
    this.steps = steps;
  }

  /**
   * One statement in the unnamed statement, run once per parameter set.
   *
   * @param parameterTypes the OID of each parameter, 0 to let the server infer it
   * @param sets the parameter sets, at least one
   * @param resultFormats result column formats as Bind takes them (empty: all text; one: for all)
   */
  public ExtendedQuery(
      String sql, int[] parameterTypes, List<Bindings> sets, short[] resultFormats) {
    this(List.of(StatementStep.unnamed(sql, parameterTypes, sets, resultFormats)));
  }

  @Override
  protected void encode(WriteBuffer out) {
    // Indexed: an iterator would cost every request an allocation.
    for (int i = 0; i < steps.size(); i++) {
      steps.get(i).encode(out);
    }
    FrontendMessages.sync(out);
  }

  @Override
  protected List<StatementResult> result() {
    return steps.get(0).results();
  }

  /**
   * The error belongs to the step running now; the server skips every later one up to the Sync. An
   * error after the last step (a deferred constraint checked at the implicit commit) belongs to the
   * last.
   */
  @Override
  protected void onErrorResponse(TuskException error) {
    super.onErrorResponse(error);
    int failed = Math.min(position, steps.size() - 1);
    steps.get(failed).fail(error);
    for (int i = failed + 1; i < steps.size(); i++) {
      steps
          .get(i)
          .fail(
              new PipelineAborted(
                  "not run: statement "
                      + (failed + 1)
                      + " of the same pipeline batch failed first ("
                      + error.getMessage()
                      + ")"));
    }
    position = steps.size();
  }

  @Override
  StreamBuffer<?> stalledBuffer() {
    StatementResult stalled = position < steps.size() ? steps.get(position).stalled() : null;
    return stalled == null ? null : stalled.buffer();
  }

  @Override
  boolean consumerHasEnough() {
    return position < steps.size() && steps.get(position).overflows();
  }

  @Override
  void publishRows() {
    StatementStep step = position < steps.size() ? steps.get(position) : null;
    StatementResult current = step == null ? null : step.current();
    if (current != null) {
      current.publish();
      if (step.streamsUnbounded() && current.hasRows()) {
        // Read by another thread, for a request behind: the consumer takes rows as they come.
        InFlight.wake(this);
      }
    }
  }

  @Override
  protected void onParseComplete() {
    // Expected: the statement parsed.
  }

  @Override
  protected void onParameterDescription(ParameterDescription message) {
    // Answers the Describe of a statement being prepared; its parameter types are already known.
    if (position >= steps.size() || !step().describesStatement()) {
      super.onParameterDescription(message);
    }
  }

  @Override
  protected void onBindComplete() {
    step().bindComplete();
  }

  @Override
  protected void onRowDescription(RowDescription message) {
    if (!step().expectsDescription()) {
      super.onRowDescription(message);
    }
    described(message);
  }

  @Override
  protected void onNoData() {
    if (!step().expectsDescription()) {
      super.onNoData();
    }
    described(null);
  }

  /** A description; it completes a step that only opens a portal. */
  private void described(RowDescription columns) {
    StatementStep step = step();
    step.described(columns);
    if (step.isComplete()) {
      position++;
    }
  }

  /** A fetch step's Execute stopped at its row limit. */
  @Override
  protected void onPortalSuspended() {
    if (position >= steps.size() || !step().acceptsSuspension()) {
      super.onPortalSuspended();
    }
    step().suspended();
    position++;
  }

  @Override
  protected void onDataRow(DataRow message) {
    if (position >= steps.size() || !step().acceptsRows()) {
      super.onDataRow(message);
    }
    step().dataRow(message);
  }

  @Override
  protected void onCommandComplete(CommandComplete message) {
    executed(message);
  }

  @Override
  protected void onEmptyQueryResponse() {
    executed(null);
  }

  @Override
  protected void refuseCopyIn(WriteBuffer out) {
    super.refuseCopyIn(out);
    // The server ignored this request's Sync in copy-in mode, and after the CopyFail it discards
    // messages until the next one: without it, no ReadyForQuery would ever come.
    FrontendMessages.sync(out);
  }

  private void executed(CommandComplete completion) {
    StatementStep step = step();
    step.executed(completion);
    if (step.isComplete()) {
      position++;
    }
  }

  private StatementStep step() {
    if (position >= steps.size()) {
      // A response after every statement has completed: only an error may come then.
      throw new ProtocolViolation(
          Diagnostic.client(
              "08P01", "a response arrived after every statement of the request had completed"));
    }
    return steps.get(position);
  }
}
