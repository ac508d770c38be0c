package dev.tusk.internal.codec.catalog;

import java.util.List;

/** Runs a catalog query on a connection: how {@link TypeCatalog} reaches the server. */
@FunctionalInterface
public interface CatalogSource {

  /**
   * Runs {@code sql} with {@code params} (sent as the built-in codecs send them) and returns its
   * rows, each column decoded to its built-in codec's Java type.
   *
   * @throws dev.tusk.errors.DatabaseError if the query fails, for example inside a failed
   *     transaction
   */
  List<List<Object>> query(String sql, Object... params);

  /**
   * A server parameter the session reported (ParameterStatus), such as {@code TimeZone}; null when
   * unknown.
   */
  default String sessionParameter(String name) {
    return null;
  }
}
