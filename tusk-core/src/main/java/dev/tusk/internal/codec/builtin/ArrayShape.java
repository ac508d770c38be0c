package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.PgArray;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dimensions of an array parameter: a List, an Object array or a primitive array, nested one
 * level per dimension ({@code int[][]}, {@code List<List<Integer>>}), with lower bounds 1 or a
 * {@link PgArray}'s. A {@code byte[]} is a bytea value, never a level. Sub-arrays must all have the
 * same size, as PostgreSQL requires.
 *
 * @param sizes the size of each dimension, outermost first; none for an empty array
 * @param lowerBounds the lower bound of each dimension
 * @param elements the elements in row-major order
 */
public record ArrayShape(int[] sizes, int[] lowerBounds, List<?> elements) {

  /** PostgreSQL's MAXDIM. */
  private static final int MAX_DIMENSIONS = 6;

  /** Whether {@code value} is an array level rather than an element. */
  static boolean isLevel(Object value) {
    return value instanceof List<?>
        || value != null && value.getClass().isArray() && !(value instanceof byte[]);
  }

  /** The first non-NULL element at the innermost level of {@code value}, or null if none. */
  public static Object firstElement(Object value) {
    int size = size(value);
    for (int i = 0; i < size; i++) {
      Object item = item(value, i);
      Object found = isLevel(item) ? firstElement(item) : item;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The shape of a List, Object[] or primitive array (not byte[]). */
  public static ArrayShape of(Object value) {
    List<Integer> sizes = new ArrayList<>();
    Object level = value;
    while (isLevel(level)) {
      int size = size(level);
      sizes.add(size);
      if (sizes.size() > MAX_DIMENSIONS) {
        throw new DataError(
            "an array parameter has more than "
                + MAX_DIMENSIONS
                + " dimensions (PostgreSQL's limit)");
      }
      level = size == 0 ? null : item(level, 0);
    }
    if (sizes.contains(0)) {
      if (sizes.size() > 1 && sizes.get(0) != 0) {
        throw new DataError("a multi-dimensional array parameter cannot have empty sub-arrays");
      }
      return new ArrayShape(new int[0], new int[0], List.of());
    }
    int[] dims = sizes.stream().mapToInt(Integer::intValue).toArray();
    int[] bounds = new int[dims.length];
    Arrays.fill(bounds, 1);
    if (value instanceof PgArray array) {
      if (array.dimensions() != dims.length) {
        throw new DataError(
            "a PgArray with "
                + array.dimensions()
                + " lower bounds holds "
                + dims.length
                + " levels of elements");
      }
      bounds = array.lowerBounds();
    }
    if (dims.length == 1 && value instanceof List<?> list) {
      return new ArrayShape(dims, bounds, list);
    }
    List<Object> flat = new ArrayList<>();
    flatten(value, dims, 0, flat);
    return new ArrayShape(dims, bounds, flat);
  }

  /** Whether any element is NULL. */
  boolean hasNull() {
    for (Object item : elements) {
      if (item == null) {
        return true;
      }
    }
    return false;
  }

  /** array_send's header: dimension count, NULL flag, element OID, then size and lower bound. */
  public void writeHeader(BinaryOutput out, int elementOid) {
    out.writeInt32(sizes.length).writeInt32(hasNull() ? 1 : 0).writeInt32(elementOid);
    for (int i = 0; i < sizes.length; i++) {
      out.writeInt32(sizes[i]).writeInt32(lowerBounds[i]);
    }
  }

  private static void flatten(Object level, int[] dims, int depth, List<Object> out) {
    if (!isLevel(level) || size(level) != dims[depth]) {
      throw new DataError(
          "a multi-dimensional array parameter needs sub-arrays of matching sizes"
              + " (dimension "
              + (depth + 1)
              + " has "
              + dims[depth]
              + " elements, and a sub-array "
              + (isLevel(level) ? "has " + size(level) : "is " + level)
              + ")");
    }
    boolean innermost = depth == dims.length - 1;
    for (int i = 0; i < dims[depth]; i++) {
      Object item = item(level, i);
      if (innermost) {
        if (isLevel(item)) {
          throw new DataError(
              "a multi-dimensional array parameter needs sub-arrays of matching depth");
        }
        out.add(item);
      } else {
        flatten(item, dims, depth + 1, out);
      }
    }
  }

  private static int size(Object level) {
    return level instanceof List<?> list ? list.size() : Array.getLength(level);
  }

  private static Object item(Object level, int index) {
    return level instanceof List<?> list ? list.get(index) : Array.get(level, index);
  }
}
