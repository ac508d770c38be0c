package dev.tusk;

/**
 * Turns one {@link Row} into the value a cursor returns. Made by a {@link RowFactory} for one
 * result's columns.
 *
 * <p>The row is the maker's to read during the call only, like the {@code ResultSet} a Spring
 * {@code RowMapper} is given: make the value from it and let it go. Its bytes are then reused for
 * rows still to come, which is what lets a maker's rows cost nothing but the values made from them.
 * A maker that keeps the row inside what it returns and reads it later gets a {@link
 * dev.tusk.errors.ProgrammingError}. A maker that returns the row itself (as {@link
 * RowFactories#row()}'s does) keeps it: the row then stays valid for as long as the caller holds
 * it.
 *
 * @param <R> the type of row made
 */
@FunctionalInterface
public interface RowMaker<R> {

  /** Makes the value for {@code row}. */
  R make(Row row);
}
