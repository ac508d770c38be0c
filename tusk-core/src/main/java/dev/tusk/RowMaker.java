package dev.tusk;

/**
 * Turns one {@link Row} into the value a cursor returns. Made by a {@link RowFactory} for one
 * result's columns.
 *
 * @param <R> the type of row made
 */
@FunctionalInterface
public interface RowMaker<R> {

  /** Makes the value for {@code row}. */
  R make(Row row);
}
