package dev.tusk;

import java.util.List;

/**
 * Makes the rows of a cursor, like psycopg's row factories: called once per result with its
 * columns, it returns a {@link RowMaker} that is then called once per row. Work that depends only
 * on the columns (finding a constructor, matching names) belongs in the factory, not in the maker.
 *
 * @param <R> the type of row made
 */
@FunctionalInterface
public interface RowFactory<R> {

  /** A maker for rows with these columns; may throw if the columns cannot make an {@code R}. */
  RowMaker<R> maker(List<Column> columns);
}
