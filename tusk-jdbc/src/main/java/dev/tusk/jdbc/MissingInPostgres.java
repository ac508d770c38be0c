package dev.tusk.jdbc;

import java.sql.SQLFeatureNotSupportedException;

/**
 * The refusals for JDBC types PostgreSQL has no concept for, one message each wherever they are
 * asked for (getters, setters, {@code setObject}).
 */
final class MissingInPostgres {

  private MissingInPostgres() {}

  /**
   * {@code RowId}: PostgreSQL has no row identifier that lasts. {@code ctid} is a physical address
   * that an UPDATE, a VACUUM FULL or a CLUSTER changes, so a RowId over it could silently name
   * another row later (pgjdbc refuses too; {@code getRowIdLifetime()} is ROWID_UNSUPPORTED).
   */
  static SQLFeatureNotSupportedException rowId() {
    return new SQLFeatureNotSupportedException(
        "RowId is not supported: PostgreSQL has no lasting row identifier (ctid changes on"
            + " UPDATE and VACUUM FULL); identify rows by their primary key",
        "0A000");
  }

  /** {@code Ref}: PostgreSQL has no REF type (references to SQL structured-type instances). */
  static SQLFeatureNotSupportedException ref() {
    return new SQLFeatureNotSupportedException(
        "Ref is not supported: PostgreSQL has no REF type; use a foreign key column", "0A000");
  }
}
