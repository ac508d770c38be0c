package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.RowDescription;

/**
 * Parses a statement into the unnamed statement and describes it, without running it: Parse,
 * Describe, Sync. The server answers with the parameter types it inferred and the result columns.
 */
public final class DescribeStatement extends Exchange<DescribeStatement.Described> {

  /**
   * The server's description.
   *
   * @param parameterTypes the OID of each parameter's type
   * @param columns the result columns (every format 0), or null when it returns no rows
   */
  public record Described(int[] parameterTypes, RowDescription columns) {}

  private final String sql;
  private final int[] givenTypes;
  private int[] parameterTypes = new int[0];
  private RowDescription columns;

  /**
   * @param sql one statement with {@code $n} placeholders
   */
  public DescribeStatement(String sql) {
    this(sql, new int[0]);
  }

  /**
   * @param sql one statement with {@code $n} placeholders
   * @param parameterTypes the OID of each parameter's type as a later Bind will send it (0: let the
   *     server infer it), so that result columns that depend on them are described as they will be
   */
  public DescribeStatement(String sql, int[] parameterTypes) {
    this.sql = sql;
    this.givenTypes = parameterTypes;
  }

  @Override
  protected void encode(WriteBuffer out) {
    FrontendMessages.parse(out, "", sql, givenTypes);
    FrontendMessages.describeStatement(out, "");
    FrontendMessages.sync(out);
  }

  @Override
  protected Described result() {
    return new Described(parameterTypes, columns);
  }

  @Override
  protected void onParseComplete() {
    // Expected: the statement parsed.
  }

  @Override
  protected void onParameterDescription(ParameterDescription message) {
    parameterTypes = message.typeOids();
  }

  @Override
  protected void onRowDescription(RowDescription message) {
    columns = message;
  }

  @Override
  protected void onNoData() {
    columns = null;
  }
}
