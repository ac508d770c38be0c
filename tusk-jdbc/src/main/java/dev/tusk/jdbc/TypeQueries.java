package dev.tusk.jdbc;

import java.sql.Types;

/**
 * The pg_type and pg_class queries behind {@code getUDTs}, {@code getAttributes}, {@code
 * getSuperTypes}, {@code getSuperTables} and {@code getPseudoColumns}, each without its WHERE
 * clause ({@link CatalogSql} adds the caller's filters). PostgreSQL's user-defined types in JDBC's
 * sense are composite types made by CREATE TYPE ... AS (STRUCT) and domains (DISTINCT); a table's
 * row type is the table's, not a UDT.
 */
final class TypeQueries {

  private TypeQueries() {}

  /** The type at the bottom of a domain's chain of base types (a domain may be over a domain). */
  private static final String ROOT_BASE_TYPE =
      "(WITH RECURSIVE up(oid) AS (SELECT t.typbasetype UNION ALL SELECT d.typbasetype"
          + " FROM pg_catalog.pg_type d JOIN up ON d.oid = up.oid WHERE d.typtype = 'd')"
          + " SELECT b.typname::text FROM up JOIN pg_catalog.pg_type b ON b.oid = up.oid"
          + " WHERE b.typtype <> 'd')";

  static final String UDTS =
      "SELECT \"TYPE_CAT\", \"TYPE_SCHEM\", \"TYPE_NAME\", \"CLASS_NAME\", \"DATA_TYPE\","
          + " \"REMARKS\", CASE WHEN base IS NOT NULL THEN "
          + PgTypes.sqlCase("base")
          + " END::int2 AS \"BASE_TYPE\" FROM (SELECT current_database() AS \"TYPE_CAT\","
          + " n.nspname AS \"TYPE_SCHEM\", t.typname::text AS \"TYPE_NAME\","
          + " CASE WHEN t.typtype = 'c' THEN 'java.sql.Struct' END AS \"CLASS_NAME\","
          + " CASE WHEN t.typtype = 'c' THEN "
          + Types.STRUCT
          + " ELSE "
          + Types.DISTINCT
          + " END AS \"DATA_TYPE\","
          + " pg_catalog.obj_description(t.oid, 'pg_type') AS \"REMARKS\","
          + " CASE WHEN t.typtype = 'd' THEN "
          + ROOT_BASE_TYPE
          + " END AS base"
          + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " LEFT JOIN pg_catalog.pg_class r ON r.oid = t.typrelid"
          + " WHERE t.typtype = 'c' AND r.relkind = 'c' OR t.typtype = 'd') u";

  /** A domain over another domain has that domain as its supertype. */
  static final String SUPER_TYPES =
      "SELECT current_database() AS \"TYPE_CAT\", n.nspname AS \"TYPE_SCHEM\","
          + " t.typname::text AS \"TYPE_NAME\", current_database() AS \"SUPERTYPE_CAT\","
          + " bn.nspname AS \"SUPERTYPE_SCHEM\", bt.typname::text AS \"SUPERTYPE_NAME\""
          + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype AND bt.typtype = 'd'"
          + " AND t.typtype = 'd'"
          + " JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace";

  /** Each table, partition or inheriting table with the table it inherits from. */
  static final String SUPER_TABLES =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\", p.relname AS \"SUPERTABLE_NAME\""
          + " FROM pg_catalog.pg_inherits i"
          + " JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_catalog.pg_class p ON p.oid = i.inhparent";

  private static final String ATTRIBUTE_TYPE = "COALESCE(abt.typname, at.typname)";

  private static final String ATTRIBUTE_MOD =
      "(CASE WHEN at.typtype = 'd' THEN at.typtypmod ELSE a.atttypmod END)";

  /** The attributes of the composite UDTs, in order; the size rules are getColumns'. */
  static final String ATTRIBUTES =
      "SELECT current_database() AS \"TYPE_CAT\", n.nspname AS \"TYPE_SCHEM\","
          + " t.typname::text AS \"TYPE_NAME\", a.attname::text AS \"ATTR_NAME\", "
          + PgTypes.sqlCase(ATTRIBUTE_TYPE)
          + "::int AS \"DATA_TYPE\", "
          + ATTRIBUTE_TYPE
          + "::text AS \"ATTR_TYPE_NAME\", "
          + MetadataQueries.columnSize(ATTRIBUTE_TYPE, ATTRIBUTE_MOD)
          + " AS \"ATTR_SIZE\", "
          + MetadataQueries.decimalDigits(ATTRIBUTE_TYPE, ATTRIBUTE_MOD)
          + " AS \"DECIMAL_DIGITS\", 10 AS \"NUM_PREC_RADIX\","
          + " CASE WHEN at.typnotnull THEN 0 ELSE 1 END AS \"NULLABLE\","
          + " pg_catalog.col_description(r.oid, a.attnum) AS \"REMARKS\","
          + " NULL::text AS \"ATTR_DEF\", NULL::int AS \"SQL_DATA_TYPE\","
          + " NULL::int AS \"SQL_DATETIME_SUB\", "
          + MetadataQueries.columnSize(ATTRIBUTE_TYPE, ATTRIBUTE_MOD)
          + " AS \"CHAR_OCTET_LENGTH\", a.attnum::int AS \"ORDINAL_POSITION\","
          + " CASE WHEN at.typnotnull THEN 'NO' ELSE 'YES' END AS \"IS_NULLABLE\","
          + " NULL::text AS \"SCOPE_CATALOG\", NULL::text AS \"SCOPE_SCHEMA\","
          + " NULL::text AS \"SCOPE_TABLE\", NULL::int2 AS \"SOURCE_DATA_TYPE\""
          + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " JOIN pg_catalog.pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0"
          + " AND NOT a.attisdropped"
          + " JOIN pg_catalog.pg_type at ON at.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_type abt ON at.typtype = 'd' AND abt.oid = at.typbasetype";

  /**
   * The system columns every table has and {@code getColumns} does not list (ctid, xmin, cmin,
   * xmax, cmax, tableoid): usable in the select list and in WHERE, never NULL.
   */
  static final String PSEUDO_COLUMNS =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\", a.attname::text AS \"COLUMN_NAME\", "
          + PgTypes.sqlCase("t.typname")
          + "::int AS \"DATA_TYPE\", "
          + MetadataQueries.columnSize("t.typname::text", "-1")
          + " AS \"COLUMN_SIZE\", NULL::int AS \"DECIMAL_DIGITS\", 10 AS \"NUM_PREC_RADIX\","
          + " '"
          + java.sql.PseudoColumnUsage.NO_USAGE_RESTRICTIONS.name()
          + "' AS \"COLUMN_USAGE\", 'system column of type ' || t.typname AS \"REMARKS\","
          + " NULL::int AS \"CHAR_OCTET_LENGTH\", 'NO' AS \"IS_NULLABLE\""
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " AND c.relkind IN ('r', 'p', 'm', 'f')"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum < 0"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid";
}
