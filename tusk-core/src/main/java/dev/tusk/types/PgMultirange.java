package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A PostgreSQL multirange value ({@code int4multirange}, ...; PostgreSQL 14+): an ordered list of
 * non-empty ranges. The server merges overlapping and adjacent ranges, drops empty ones and sorts
 * the rest; this class keeps what it is given. As a parameter, the bounds' Java type chooses the
 * type as for {@link PgRange}.
 *
 * @param <T> the bounds' Java type
 * @param ranges the ranges, as an unmodifiable list
 */
public record PgMultirange<T>(List<PgRange<T>> ranges) {

  /**
   * Copies the ranges.
   *
   * @throws DataError if a range is null
   */
  public PgMultirange {
    for (PgRange<T> range : ranges) {
      if (range == null) {
        throw new DataError("a multirange cannot hold a null range");
      }
    }
    ranges = List.copyOf(ranges);
  }

  /** The multirange of these ranges. */
  @SafeVarargs
  public static <T> PgMultirange<T> of(PgRange<T>... ranges) {
    // Copied element by element: handing the varargs array itself on is what javac warns of.
    List<PgRange<T>> list = new ArrayList<>(ranges.length);
    for (PgRange<T> range : ranges) {
      list.add(range);
    }
    return new PgMultirange<>(list);
  }

  /**
   * The multirange in PostgreSQL's text form, {@code {[1,3),[5,7)}}, with each bound rendered by
   * {@code boundText}; see {@link PgRange#toLiteral}.
   */
  public String toLiteral(Function<? super T, String> boundText) {
    StringJoiner text = new StringJoiner(",", "{", "}");
    for (PgRange<T> range : ranges) {
      text.add(range.toLiteral(boundText));
    }
    return text.toString();
  }

  /** {@link #toLiteral} with each bound's {@code toString()}. */
  @Override
  public String toString() {
    return toLiteral(String::valueOf);
  }
}
