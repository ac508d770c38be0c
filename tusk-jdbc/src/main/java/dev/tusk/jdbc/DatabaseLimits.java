package dev.tusk.jdbc;

import java.sql.DatabaseMetaData;

/**
 * PostgreSQL's limits as {@link DatabaseMetaData} reports them: 63-byte names, 1600 columns a
 * table, 32 index keys, 1 GB a row. 0 means "no limit, or unknown", as JDBC defines.
 */
abstract class DatabaseLimits implements DatabaseMetaData, SelfWrapper {

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 63;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 32;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 1600;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 63;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 63;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 63;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 63;
  }

  @Override
  public int getMaxRowSize() {
    return 1073741824;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 63;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 63;
  }
}
