package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * A PostgreSQL array whose lower bounds are not all 1, such as {@code '[0:2]={1,2,3}'::int[]}. It
 * is a List of its elements (nested Lists for more dimensions), so code that reads arrays as Lists
 * works unchanged, and it keeps each dimension's lower bound. Arrays with the default lower bound 1
 * read as plain Lists.
 *
 * <p>As a parameter it is sent with its lower bounds. Its equality is the List's (elements only, as
 * {@link List#equals} requires); compare {@link #lowerBounds()} as well to tell {@code [0:2]} from
 * {@code [1:3]}. Immutable.
 */
public final class PgArray extends AbstractList<Object> implements RandomAccess {

  /** PostgreSQL's MAXDIM. */
  private static final int MAX_DIMENSIONS = 6;

  private final List<?> elements;
  private final int[] lowerBounds;

  private PgArray(List<?> elements, int[] lowerBounds) {
    this.elements = elements;
    this.lowerBounds = lowerBounds;
  }

  /**
   * An array of {@code elements} (nested Lists, one level per dimension) with one lower bound per
   * dimension.
   *
   * @throws DataError if the bounds do not match the nesting, or an upper bound would overflow
   */
  public static PgArray of(List<?> elements, int... lowerBounds) {
    // Arrays may hold nulls, which List.copyOf refuses.
    List<?> copy = Collections.unmodifiableList(Arrays.asList(elements.toArray()));
    int[] bounds = lowerBounds.clone();
    if (bounds.length == 0 || bounds.length > MAX_DIMENSIONS) {
      throw new DataError(
          "an array needs 1 to " + MAX_DIMENSIONS + " lower bounds, not " + bounds.length);
    }
    List<?> level = copy;
    for (int dimension = 0; dimension < bounds.length; dimension++) {
      if (level.isEmpty()) {
        throw new DataError("an empty array has no lower bounds; use an empty List");
      }
      if ((long) bounds[dimension] + level.size() - 1 > Integer.MAX_VALUE) {
        throw new DataError(
            "lower bound " + bounds[dimension] + " with " + level.size() + " elements overflows");
      }
      Object first = level.get(0);
      boolean last = dimension == bounds.length - 1;
      if (!last && !(first instanceof List<?>)) {
        throw new DataError(
            bounds.length
                + " lower bounds given for an array of "
                + (dimension + 1)
                + " dimensions");
      }
      if (!last) {
        level = (List<?>) first;
      }
    }
    return new PgArray(copy, bounds);
  }

  /** The elements, without the bounds: nested Lists for more dimensions. */
  public List<?> elements() {
    return elements;
  }

  /** The number of dimensions. */
  public int dimensions() {
    return lowerBounds.length;
  }

  /** The lower bound of each dimension, outermost first. */
  public int[] lowerBounds() {
    return lowerBounds.clone();
  }

  /** The lower bound of {@code dimension} (0 is the outermost). */
  public int lowerBound(int dimension) {
    return lowerBounds[dimension];
  }

  @Override
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }

  /** The lower bounds, then the elements: {@code lowerBounds=[0] [1, 2, 3]}. */
  @Override
  public String toString() {
    return "lowerBounds=" + Arrays.toString(lowerBounds) + " " + elements;
  }
}
