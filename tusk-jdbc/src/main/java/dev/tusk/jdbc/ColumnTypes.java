package dev.tusk.jdbc;

import dev.tusk.Column;
import java.util.List;

/**
 * The type OIDs of a result's columns, which a result set reads for every primitive getter, kept
 * for the last column list seen: Tusk gives a statement that runs again the same list of columns,
 * so the result sets of a statement run over and over (a pool's borrowers preparing the same SQL)
 * share one array instead of building their own. Safe for the threads sharing a connection: the
 * list and its array are swapped as one immutable pair.
 */
final class ColumnTypes {

  private record Known(List<Column> columns, int[] oids) {}

  private volatile Known last;

  /** The type OID of each of {@code columns}, in order; the array is shared and never written. */
  int[] oids(List<Column> columns) {
    Known known = last;
    if (known != null && known.columns() == columns) {
      return known.oids();
    }
    int[] oids = of(columns);
    last = new Known(columns, oids);
    return oids;
  }

  /** The type OID of each of {@code columns}, in a new array. */
  static int[] of(List<Column> columns) {
    int[] oids = new int[columns.size()];
    for (int i = 0; i < oids.length; i++) {
      oids[i] = columns.get(i).typeOid();
    }
    return oids;
  }
}
