package dev.tusk.internal.copy;

import java.util.List;

/**
 * The table a COPY statement names and its column list, each name as SQL resolves it (unquoted
 * names folded to lower case, quoted ones as written), with the statement's format and direction.
 *
 * @param table the table's name parts ({@code [schema,] table}); empty for {@code COPY (query)}
 * @param columns the column list; empty when the statement has none (every column)
 * @param format the statement's format
 * @param from whether the statement copies into the table ({@code FROM})
 */
public record CopyTarget(
    List<String> table, List<String> columns, CopyFormat format, boolean from) {

  /**
   * Reads a COPY statement.
   *
   * @throws dev.tusk.errors.ProgrammingError if it is not one Tusk can read
   */
  public static CopyTarget parse(String sql) {
    return CopyStatement.target(sql);
  }
}
