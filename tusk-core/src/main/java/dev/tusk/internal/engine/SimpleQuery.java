package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameterless script over the simple query protocol: one Query message, one result per
 * statement, all values in text format.
 */
public final class SimpleQuery extends Exchange<List<StatementResult>> {

  private final String sql;
  private final boolean commit;
  private final List<StatementResult> results = new ArrayList<>();
  private StatementResult current;

  /** A script of one or more statements. */
  public SimpleQuery(String sql) {
    this(sql, false);
  }

  private SimpleQuery(String sql, boolean commit) {
    this.sql = sql;
    this.commit = commit;
  }

  /** A COMMIT (or RELEASE that ends a transaction) whose outcome is unknown if the link drops. */
  public static SimpleQuery commit(String sql) {
    return new SimpleQuery(sql, true);
  }

  @Override
  protected void encode(WriteBuffer out) {
    FrontendMessages.query(out, sql);
  }

  @Override
  protected boolean outcomeUnknownIfLost() {
    return commit;
  }

  @Override
  protected List<StatementResult> result() {
    return results;
  }

  @Override
  void publishRows() {
    if (current != null) {
      current.publish();
    }
  }

  @Override
  protected void onRowDescription(RowDescription message) {
    current = new StatementResult(message);
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
    StatementResult result = current != null ? current : new StatementResult(null);
    result.complete(message);
    results.add(result);
    current = null;
  }

  @Override
  protected void onEmptyQueryResponse() {
    StatementResult empty = new StatementResult(null);
    empty.end();
    results.add(empty);
  }
}
