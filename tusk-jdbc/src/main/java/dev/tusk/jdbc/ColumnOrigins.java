package dev.tusk.jdbc;

import dev.tusk.Column;
import dev.tusk.Row;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where result columns come from: the table, schema, nullability and auto-increment of each table
 * column a result names by (table OID, attribute number), looked up in the catalog once per table
 * and kept for the connection's life. A table changed by DDL after it was looked up keeps its old
 * answers, as with pgjdbc's cache; a table dropped and made again has a new OID.
 */
final class ColumnOrigins {

  /** One table column's origin. */
  record Origin(String schema, String table, boolean notNull, boolean autoIncrement) {}

  private static final String QUERY =
      "SELECT a.attrelid::int8, a.attnum::int4, n.nspname::text, c.relname::text, a.attnotnull,"
          + " COALESCE(a.attidentity <> ''"
          + " OR pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)"
          + " FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + " WHERE a.attrelid = ANY($1::int8[]::oid[]) AND a.attnum > 0";

  private final JdbcConnection connection;
  private final Map<Long, Origin> origins = new ConcurrentHashMap<>();
  private final Map<Long, Boolean> tablesLoaded = new ConcurrentHashMap<>();

  ColumnOrigins(JdbcConnection connection) {
    this.connection = connection;
  }

  private static long tableOid(Column column) {
    return Integer.toUnsignedLong(column.tableOid());
  }

  private static long key(long tableOid, int attribute) {
    return tableOid << 16 | (attribute & 0xffff);
  }

  /** The origin of {@code column}, or null for a computed column; loads its result's tables. */
  Origin of(Column column, List<Column> resultColumns) throws SQLException {
    if (column.tableOid() == 0 || column.tableColumn() <= 0) {
      return null;
    }
    long table = tableOid(column);
    if (!tablesLoaded.containsKey(table)) {
      load(resultColumns);
    }
    return origins.get(key(table, column.tableColumn()));
  }

  private void load(List<Column> resultColumns) throws SQLException {
    long[] tables =
        resultColumns.stream()
            .filter(c -> c.tableOid() != 0 && !tablesLoaded.containsKey(tableOid(c)))
            .mapToLong(ColumnOrigins::tableOid)
            .distinct()
            .toArray();
    if (tables.length == 0) {
      return;
    }
    connection.checkOpen();
    List<Row> rows =
        SqlErrors.run(
            () -> {
              try (var cursor = connection.tusk().cursor()) {
                return cursor.execute(QUERY, (Object) tables).fetchAll();
              }
            },
            connection);
    for (Row row : rows) {
      origins.put(
          key(row.getLong(0), row.getInt(1)),
          new Origin(row.getString(2), row.getString(3), row.getBoolean(4), row.getBoolean(5)));
    }
    for (long table : tables) {
      tablesLoaded.put(table, Boolean.TRUE);
    }
  }
}
