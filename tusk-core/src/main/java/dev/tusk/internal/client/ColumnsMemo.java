package dev.tusk.internal.client;

import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.RowDescription;

/**
 * The result columns last resolved for one statement. A prepared statement's runs share one
 * description, so a statement run many times resolves its columns (codecs, public descriptions, the
 * name index) once instead of per run. Safe to share between threads: a race only resolves twice.
 */
final class ColumnsMemo {

  private volatile ResultColumns last;

  /**
   * The columns of {@code description} read through {@code types}, resolved again if they differ.
   */
  ResultColumns columnsFor(RowDescription description, TypeScope types) {
    ResultColumns known = last;
    if (known != null && known.describes(description, types)) {
      return known;
    }
    ResultColumns resolved = ResultColumns.of(description, types);
    if (resolved.reusable()) {
      last = resolved;
    }
    return resolved;
  }
}
