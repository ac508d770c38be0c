package dev.tusk.jdbc;

import dev.tusk.Column;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The columns of a result as the server described them (RowDescription): name, type, and the
 * precision, scale or length its type modifier holds. The origin table and nullability would need a
 * catalog query per result and are not looked up yet: {@link #getTableName} answers "" and {@link
 * #isNullable} {@code columnNullableUnknown}, as JDBC allows.
 */
final class JdbcResultSetMetaData implements ResultSetMetaData, SelfWrapper {

  /** PostgreSQL stores a type modifier as the declared value plus this header size. */
  private static final int VARHDRSZ = 4;

  private final List<Column> columns;
  private final ColumnOrigins origins;

  /** {@code origins} may be null where no connection can answer (then no column has an origin). */
  JdbcResultSetMetaData(List<Column> columns, ColumnOrigins origins) {
    this.columns = columns;
    this.origins = origins;
  }

  private ColumnOrigins.Origin origin(int index) throws SQLException {
    Column c = column(index);
    return origins == null ? null : origins.of(c, columns);
  }

  private Column column(int index) throws SQLException {
    if (index < 1 || index > columns.size()) {
      throw new SQLException(
          "column index " + index + " is out of range 1.." + columns.size(), "22023");
    }
    return columns.get(index - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return PgTypes.jdbcType(column(column).typeName());
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    String name = column(column).typeName();
    // pgjdbc names array types as pg_type does: _int4 rather than int4[]
    return name != null && name.endsWith("[]") ? "_" + name.substring(0, name.length() - 2) : name;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return PgTypes.className(column(column).typeName());
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    Column c = column(column);
    int modifier = c.typeModifier();
    return switch (PgTypes.jdbcType(c.typeName())) {
      case Types.NUMERIC -> modifier < VARHDRSZ ? 0 : ((modifier - VARHDRSZ) >> 16) & 0xffff;
      case Types.CHAR, Types.VARCHAR ->
          modifier < VARHDRSZ
              ? ("char".equals(c.typeName()) ? 1 : Integer.MAX_VALUE)
              : modifier - VARHDRSZ;
      case Types.SMALLINT -> 5;
      case Types.INTEGER -> 10;
      case Types.BIGINT -> 19;
      case Types.REAL -> 8;
      case Types.DOUBLE -> 17;
      case Types.BIT -> 1;
      case Types.DATE -> 13;
      case Types.TIME -> 15;
      case Types.TIMESTAMP -> 29;
      default -> 0;
    };
  }

  @Override
  public int getScale(int column) throws SQLException {
    Column c = column(column);
    int modifier = c.typeModifier();
    return switch (PgTypes.jdbcType(c.typeName())) {
      case Types.NUMERIC -> modifier < VARHDRSZ ? 0 : (modifier - VARHDRSZ) & 0xffff;
      case Types.REAL -> 8;
      case Types.DOUBLE -> 17;
      default -> 0;
    };
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    int precision = getPrecision(column);
    return precision == 0 ? Integer.MAX_VALUE : precision + 2;
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    ColumnOrigins.Origin origin = origin(column);
    return origin != null && origin.autoIncrement();
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    int type = getColumnType(column);
    return type == Types.CHAR || type == Types.VARCHAR || type == Types.OTHER;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return "money".equals(column(column).typeName());
  }

  @Override
  public int isNullable(int column) throws SQLException {
    ColumnOrigins.Origin origin = origin(column);
    if (origin == null) {
      return columnNullableUnknown;
    }
    return origin.notNull() ? columnNoNulls : columnNullable;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return switch (getColumnType(column)) {
      case Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE, Types.NUMERIC ->
          true;
      default -> false;
    };
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    ColumnOrigins.Origin origin = origin(column);
    return origin == null ? "" : origin.schema();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    ColumnOrigins.Origin origin = origin(column);
    return origin == null ? "" : origin.table();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }
}
