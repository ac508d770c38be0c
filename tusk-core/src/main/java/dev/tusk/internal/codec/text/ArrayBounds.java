package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;
import dev.tusk.types.PgArray;
import java.util.List;

/** Lower bounds of arrays, both formats: kept in a {@link PgArray} when one of them is not 1. */
public final class ArrayBounds {

  private ArrayBounds() {}

  /**
   * {@code list} as it was read, or a PgArray when {@code lowerBounds} (null when the value gave
   * none) has a bound other than 1.
   */
  public static List<Object> withLowerBounds(
      List<Object> list, int[] lowerBounds, String typeName) {
    if (lowerBounds == null || list.isEmpty() || allOnes(lowerBounds)) {
      return list;
    }
    try {
      return PgArray.of(list, lowerBounds);
    } catch (DataError e) {
      throw new DataError(typeName + " value has bounds that do not fit it: " + e.getMessage(), e);
    }
  }

  /** Whether an array with these lower bounds is written without its dimensions. */
  static boolean allOnes(int[] lowerBounds) {
    for (int bound : lowerBounds) {
      if (bound != 1) {
        return false;
      }
    }
    return true;
  }

  /** Appends array_out's dimension decoration, {@code [0:2][1:3]=}, when a bound is not 1. */
  static void appendDecoration(StringBuilder text, PgArray array) {
    int[] lowerBounds = array.lowerBounds();
    if (allOnes(lowerBounds)) {
      return;
    }
    List<?> level = array.elements();
    for (int dimension = 0; dimension < lowerBounds.length; dimension++) {
      text.append('[').append(lowerBounds[dimension]).append(':');
      text.append(lowerBounds[dimension] + level.size() - 1).append(']');
      if (dimension < lowerBounds.length - 1) {
        level = (List<?>) level.get(0);
      }
    }
    text.append('=');
  }
}
