package dev.tusk;

import java.util.List;

/**
 * What the server says of a statement it has parsed without running it ({@link
 * Connection#describe(String)}): its parameters' types, as it inferred them, and its result
 * columns.
 *
 * @param parameters one entry per parameter, in order, as a {@link Column} named {@code $1, $2,
 *     ...} with its type's OID and name (no type modifier, no table)
 * @param columns the result columns, empty when the statement returns no rows
 */
public record StatementDescription(List<Column> parameters, List<Column> columns) {

  /** Copies the lists. */
  public StatementDescription {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
  }
}
