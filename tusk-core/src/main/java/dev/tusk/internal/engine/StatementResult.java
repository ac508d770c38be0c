package dev.tusk.internal.engine;

import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement returned, still as the server sent it: its row description (null when it
 * returns no rows), its DataRows and its command tag.
 */
public final class StatementResult {

  private final RowDescription description;
  private final List<DataRow> rows = new ArrayList<>();
  private CommandComplete completion;

  StatementResult(RowDescription description) {
    this.description = description;
  }

  void add(DataRow row) {
    rows.add(row);
  }

  void complete(CommandComplete completion) {
    this.completion = completion;
  }

  /** The columns, or null when the statement returns no rows (INSERT without RETURNING...). */
  public RowDescription description() {
    return description;
  }

  /** The rows, in order. */
  public List<DataRow> rows() {
    return rows;
  }

  /** The command tag, e.g. "INSERT 0 1"; null for an empty query. */
  public String commandTag() {
    return completion == null ? null : completion.tag();
  }

  /** The rows affected or returned as the tag reports them, or -1. */
  public long rowCount() {
    return completion == null ? -1 : completion.rowCount();
  }
}
