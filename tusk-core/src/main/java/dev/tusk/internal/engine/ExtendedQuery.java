package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.ParameterWriter;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement over the extended protocol, run once per parameter set: Parse, then Bind and
 * Execute for each set (Describe after the first), then a single Sync. Because the sets share one
 * Sync they form one implicit transaction: an error in any set undoes them all and skips the rest.
 */
public final class ExtendedQuery extends Exchange<List<StatementResult>> {

  /** One parameter set, encoded by the client's codecs: formats per parameter and the values. */
  public record Bindings(short[] formats, int count, ParameterWriter values) {}

  private final String sql;
  private final int[] parameterTypes;
  private final List<Bindings> sets;
  private final short[] resultFormats;
  private final List<StatementResult> results = new ArrayList<>();
  private RowDescription description;
  private StatementResult current;

  /**
   * @param sql one statement with {@code $n} placeholders
   * @param parameterTypes the OID of each parameter, 0 to let the server infer it
   * @param sets the parameter sets, at least one
   * @param resultFormats result column formats as Bind takes them (empty: all text; one: for all)
   */
  public ExtendedQuery(
      String sql, int[] parameterTypes, List<Bindings> sets, short[] resultFormats) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("an extended query needs at least one parameter set");
    }
    this.sql = sql;
    this.parameterTypes = parameterTypes;
    this.sets = sets;
    this.resultFormats = resultFormats;
  }

  @Override
  protected void encode(WriteBuffer out) {
    FrontendMessages.parse(out, "", sql, parameterTypes);
    for (int i = 0; i < sets.size(); i++) {
      Bindings set = sets.get(i);
      FrontendMessages.bind(out, "", "", set.formats(), set.count(), set.values(), resultFormats);
      if (i == 0) {
        FrontendMessages.describePortal(out, "");
      }
      FrontendMessages.execute(out, "", 0);
    }
    FrontendMessages.sync(out);
  }

  @Override
  protected List<StatementResult> result() {
    return results;
  }

  @Override
  protected void onParseComplete() {
    // Expected: the statement parsed.
  }

  @Override
  protected void onBindComplete() {
    // Only the first set is described; the others have the same columns.
    current = new StatementResult(description);
  }

  @Override
  protected void onRowDescription(RowDescription message) {
    description = message;
    current = new StatementResult(message);
  }

  @Override
  protected void onNoData() {
    // The statement returns no rows.
  }

  @Override
  protected void onDataRow(DataRow message) {
    if (current == null) {
      super.onDataRow(message);
    }
    current.add(message);
  }

  @Override
  protected void onCommandComplete(CommandComplete message) {
    finishCurrent().complete(message);
  }

  @Override
  protected void onEmptyQueryResponse() {
    finishCurrent();
  }

  @Override
  protected void refuseCopyIn(WriteBuffer out) {
    super.refuseCopyIn(out);
    // The server ignored this request's Sync in copy-in mode, and after the CopyFail it discards
    // messages until the next one: without it, no ReadyForQuery would ever come.
    FrontendMessages.sync(out);
  }

  private StatementResult finishCurrent() {
    StatementResult result = current != null ? current : new StatementResult(description);
    results.add(result);
    current = null;
    return result;
  }
}
