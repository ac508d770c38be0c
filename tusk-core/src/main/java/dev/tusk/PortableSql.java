package dev.tusk;

import dev.tusk.sql.Composable;
import dev.tusk.sql.SqlContext;

/**
 * Renders composed SQL where no connection is at hand (a cursor, a pipeline), with the global
 * codecs.
 */
final class PortableSql {

  private PortableSql() {}

  static String render(Composable sql) {
    return sql.asString(SqlContext.of(Tusk.types()));
  }
}
