package dev.tusk.jdbc;

/**
 * The pg_catalog queries behind {@link JdbcDatabaseMetaData}, each without its WHERE clause: {@link
 * CatalogSql} adds the caller's filters. Column names and types are JDBC's.
 */
final class MetadataQueries {

  private MetadataQueries() {}

  /** The type name of a column, a domain counting as its base type. */
  private static final String TYPE_NAME = "COALESCE(bt.typname, t.typname)";

  /** The type modifier of a column, a domain's own where the column has its domain's. */
  private static final String TYPE_MOD =
      "(CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END)";

  /**
   * JDBC's COLUMN_SIZE of a value of type name {@code %1$s} and modifier {@code %2$s}: declared
   * length or precision, else the type's fixed width.
   */
  private static final String COLUMN_SIZE_OF =
      ("(CASE %1$s WHEN 'varchar' THEN CASE WHEN %2$s = -1 THEN 2147483647 ELSE %2$s - 4 END"
          + " WHEN 'bpchar' THEN CASE WHEN %2$s = -1 THEN 2147483647 ELSE %2$s - 4 END"
          + " WHEN 'numeric' THEN CASE WHEN %2$s = -1 THEN 1000"
          + " ELSE ((%2$s - 4) >> 16) & 65535 END"
          + " WHEN 'bit' THEN CASE WHEN %2$s = -1 THEN 1 ELSE %2$s END"
          + " WHEN 'varbit' THEN CASE WHEN %2$s = -1 THEN 2147483647 ELSE %2$s END"
          + " WHEN 'int2' THEN 5 WHEN 'int4' THEN 10 WHEN 'int8' THEN 19 WHEN 'oid' THEN 10"
          + " WHEN 'float4' THEN 8 WHEN 'float8' THEN 17 WHEN 'bool' THEN 1 WHEN 'char' THEN 1"
          + " WHEN 'date' THEN 13 WHEN 'time' THEN 15 WHEN 'timetz' THEN 21"
          + " WHEN 'timestamp' THEN 29 WHEN 'timestamptz' THEN 35 WHEN 'uuid' THEN 36"
          + " ELSE 2147483647 END)::int");

  /** JDBC's DECIMAL_DIGITS: a numeric's scale, or the fractional-second digits of a time. */
  private static final String DECIMAL_DIGITS_OF =
      ("(CASE %1$s WHEN 'numeric' THEN CASE WHEN %2$s = -1 THEN 0 ELSE (%2$s - 4) & 65535 END"
          + " WHEN 'float4' THEN 8 WHEN 'float8' THEN 17"
          + " WHEN 'time' THEN CASE WHEN %2$s = -1 THEN 6 ELSE %2$s END"
          + " WHEN 'timetz' THEN CASE WHEN %2$s = -1 THEN 6 ELSE %2$s END"
          + " WHEN 'timestamp' THEN CASE WHEN %2$s = -1 THEN 6 ELSE %2$s END"
          + " WHEN 'timestamptz' THEN CASE WHEN %2$s = -1 THEN 6 ELSE %2$s END"
          + " ELSE 0 END)::int");

  /** COLUMN_SIZE for the SQL expressions of a type name and a type modifier. */
  static String columnSize(String typeName, String typeMod) {
    return COLUMN_SIZE_OF.formatted(typeName, typeMod);
  }

  /** DECIMAL_DIGITS for the SQL expressions of a type name and a type modifier. */
  static String decimalDigits(String typeName, String typeMod) {
    return DECIMAL_DIGITS_OF.formatted(typeName, typeMod);
  }

  private static final String COLUMN_SIZE = columnSize(TYPE_NAME, TYPE_MOD);

  private static final String DECIMAL_DIGITS = decimalDigits(TYPE_NAME, TYPE_MOD);

  /**
   * A column's TYPE_NAME: its type, or for an integer column whose default draws from a sequence
   * the serial type that made it ({@code serial}, {@code bigserial}, {@code smallserial}), as
   * pgjdbc names them.
   */
  private static final String SERIAL_TYPE_NAME =
      ("CASE WHEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%%'"
              + " THEN CASE %1$s WHEN 'int4' THEN 'serial' WHEN 'int8' THEN 'bigserial'"
              + " WHEN 'int2' THEN 'smallserial' ELSE %1$s::text END ELSE %1$s::text END")
          .formatted(TYPE_NAME);

  private static final String NOT_NULL = "(a.attnotnull OR t.typnotnull)";

  static final String COLUMNS =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\", a.attname AS \"COLUMN_NAME\", "
          + PgTypes.sqlCase(TYPE_NAME)
          + "::int AS \"DATA_TYPE\", "
          + SERIAL_TYPE_NAME
          + " AS \"TYPE_NAME\", "
          + COLUMN_SIZE
          + " AS \"COLUMN_SIZE\", NULL::int AS \"BUFFER_LENGTH\", "
          + DECIMAL_DIGITS
          + " AS \"DECIMAL_DIGITS\", 10 AS \"NUM_PREC_RADIX\", CASE WHEN "
          + NOT_NULL
          + " THEN 0 ELSE 1 END AS \"NULLABLE\","
          + " pg_catalog.col_description(c.oid, a.attnum) AS \"REMARKS\","
          + " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS \"COLUMN_DEF\","
          + " NULL::int AS \"SQL_DATA_TYPE\", NULL::int AS \"SQL_DATETIME_SUB\", "
          + COLUMN_SIZE
          + " AS \"CHAR_OCTET_LENGTH\", a.attnum::int AS \"ORDINAL_POSITION\", CASE WHEN "
          + NOT_NULL
          + " THEN 'NO' ELSE 'YES' END AS \"IS_NULLABLE\", NULL::text AS \"SCOPE_CATALOG\","
          + " NULL::text AS \"SCOPE_SCHEMA\", NULL::text AS \"SCOPE_TABLE\","
          + " NULL::int2 AS \"SOURCE_DATA_TYPE\", CASE WHEN a.attidentity <> ''"
          + " OR pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%' THEN 'YES'"
          + " ELSE 'NO' END AS \"IS_AUTOINCREMENT\","
          + " CASE WHEN a.attgenerated <> '' THEN 'YES' ELSE 'NO' END AS \"IS_GENERATEDCOLUMN\""
          + " FROM pg_catalog.pg_namespace n"
          + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid"
          + " AND c.relkind IN ('r', 'v', 'm', 'f', 'p')"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
          + " AND NOT a.attisdropped"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype"
          + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid"
          + " AND ad.adnum = a.attnum";

  static final String PRIMARY_KEYS =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\", a.attname AS \"COLUMN_NAME\","
          + " k.ord::int2 AS \"KEY_SEQ\", con.conname AS \"PK_NAME\""
          + " FROM pg_catalog.pg_constraint con"
          + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid AND con.contype = 'p'"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum";

  /** pg_constraint's action letters as JDBC's importedKey* constants. */
  private static final String RULE =
      "(CASE %s WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END)::int2";

  static final String FOREIGN_KEYS =
      "SELECT current_database() AS \"PKTABLE_CAT\", pn.nspname AS \"PKTABLE_SCHEM\","
          + " pc.relname AS \"PKTABLE_NAME\", pa.attname AS \"PKCOLUMN_NAME\","
          + " current_database() AS \"FKTABLE_CAT\", fn.nspname AS \"FKTABLE_SCHEM\","
          + " fc.relname AS \"FKTABLE_NAME\", fa.attname AS \"FKCOLUMN_NAME\","
          + " k.ord::int2 AS \"KEY_SEQ\", "
          + RULE.formatted("con.confupdtype")
          + " AS \"UPDATE_RULE\", "
          + RULE.formatted("con.confdeltype")
          + " AS \"DELETE_RULE\", con.conname AS \"FK_NAME\", ic.relname AS \"PK_NAME\","
          + " (CASE WHEN con.condeferrable AND con.condeferred THEN 5"
          + " WHEN con.condeferrable THEN 6 ELSE 7 END)::int2 AS \"DEFERRABILITY\""
          + " FROM pg_catalog.pg_constraint con"
          + " JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid AND con.contype = 'f'"
          + " JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
          + " JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid"
          + " JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace"
          + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fk, pk, ord)"
          + " JOIN pg_catalog.pg_attribute fa ON fa.attrelid = fc.oid AND fa.attnum = k.fk"
          + " JOIN pg_catalog.pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = k.pk"
          + " LEFT JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid";

  static final String INDEXES =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " t.relname AS \"TABLE_NAME\", NOT i.indisunique AS \"NON_UNIQUE\","
          + " NULL::text AS \"INDEX_QUALIFIER\", ic.relname AS \"INDEX_NAME\","
          + " (CASE am.amname WHEN 'hash' THEN 2 ELSE 3 END)::int2 AS \"TYPE\","
          + " k.pos::int2 AS \"ORDINAL_POSITION\","
          + " pg_catalog.pg_get_indexdef(i.indexrelid, k.pos, false) AS \"COLUMN_NAME\","
          + " CASE WHEN am.amname <> 'btree' THEN NULL WHEN i.indoption[k.pos - 1] & 1 = 1"
          + " THEN 'D' ELSE 'A' END AS \"ASC_OR_DESC\","
          + " ic.reltuples::bigint AS \"CARDINALITY\", ic.relpages::bigint AS \"PAGES\","
          + " pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS \"FILTER_CONDITION\""
          + " FROM pg_catalog.pg_index i"
          + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
          + " JOIN pg_catalog.pg_class t ON t.oid = i.indrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
          + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
          + " CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(pos)";

  static final String TYPE_INFO =
      "SELECT t.typname::text AS \"TYPE_NAME\", "
          + PgTypes.sqlCase("t.typname")
          + "::int AS \"DATA_TYPE\","
          + " (CASE t.typname WHEN 'int2' THEN 5 WHEN 'int4' THEN 10 WHEN 'int8' THEN 19"
          + " WHEN 'float4' THEN 8 WHEN 'float8' THEN 17 WHEN 'numeric' THEN 1000"
          + " WHEN 'varchar' THEN 10485760 WHEN 'bpchar' THEN 10485760 WHEN 'bool' THEN 1"
          + " WHEN 'date' THEN 13 WHEN 'time' THEN 15 WHEN 'timestamp' THEN 29"
          + " WHEN 'timestamptz' THEN 35 ELSE 0 END)::int AS \"PRECISION\","
          + " CASE WHEN t.typcategory IN ('S', 'D', 'U') THEN '''' END AS \"LITERAL_PREFIX\","
          + " CASE WHEN t.typcategory IN ('S', 'D', 'U') THEN '''' END AS \"LITERAL_SUFFIX\","
          + " NULL::text AS \"CREATE_PARAMS\", 1::int2 AS \"NULLABLE\","
          + " t.typcategory = 'S' AS \"CASE_SENSITIVE\", 3::int2 AS \"SEARCHABLE\","
          + " false AS \"UNSIGNED_ATTRIBUTE\", t.typname = 'money' AS \"FIXED_PREC_SCALE\","
          + " false AS \"AUTO_INCREMENT\", NULL::text AS \"LOCAL_TYPE_NAME\","
          + " 0::int2 AS \"MINIMUM_SCALE\","
          + " (CASE t.typname WHEN 'numeric' THEN 1000 ELSE 0 END)::int2 AS \"MAXIMUM_SCALE\","
          + " NULL::int AS \"SQL_DATA_TYPE\", NULL::int AS \"SQL_DATETIME_SUB\","
          + " 10 AS \"NUM_PREC_RADIX\""
          + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE t.typisdefined AND t.typtype IN ('b', 'd', 'e', 'r', 'm')"
          + " AND n.nspname <> 'pg_toast' ORDER BY 2, 1";

  /**
   * The best identifier of a row, valid for the session: the primary key, else the unique index
   * (without predicate or expressions) with the fewest columns. {@code %s} is the condition an
   * index must meet: true, or that none of its columns is nullable.
   */
  private static final String BEST_ROW_IDENTIFIER_OF =
      "SELECT "
          + java.sql.DatabaseMetaData.bestRowSession
          + "::int2 AS \"SCOPE\", a.attname AS \"COLUMN_NAME\", "
          + PgTypes.sqlCase(TYPE_NAME)
          + "::int AS \"DATA_TYPE\", "
          + TYPE_NAME
          + "::text AS \"TYPE_NAME\", "
          + COLUMN_SIZE
          + " AS \"COLUMN_SIZE\", NULL::int AS \"BUFFER_LENGTH\", "
          + DECIMAL_DIGITS
          + "::int2 AS \"DECIMAL_DIGITS\", "
          + java.sql.DatabaseMetaData.bestRowNotPseudo
          + "::int2 AS \"PSEUDO_COLUMN\""
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " CROSS JOIN LATERAL (SELECT i.indkey, i.indnkeyatts FROM pg_catalog.pg_index i"
          + " WHERE i.indrelid = c.oid AND i.indisunique AND i.indpred IS NULL"
          + " AND i.indexprs IS NULL AND %s"
          + " ORDER BY i.indisprimary DESC, i.indnkeyatts, i.indexrelid LIMIT 1) best"
          + " CROSS JOIN LATERAL unnest(best.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
          + " AND k.ord <= best.indnkeyatts"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype";

  /** The best row identifier, nullable columns allowed. */
  static final String BEST_ROW_IDENTIFIER = BEST_ROW_IDENTIFIER_OF.formatted("true");

  /** The best row identifier among indexes whose columns are all NOT NULL. */
  static final String BEST_ROW_IDENTIFIER_NOT_NULL =
      BEST_ROW_IDENTIFIER_OF.formatted(
          "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute x WHERE x.attrelid = c.oid"
              + " AND x.attnum = ANY (i.indkey::int2[]) AND NOT x.attnotnull)");

  /** ctid, which changes whenever a row is updated: PostgreSQL's version pseudo-column. */
  static final String VERSION_COLUMNS =
      "SELECT NULL::int2 AS \"SCOPE\", 'ctid' AS \"COLUMN_NAME\", "
          + java.sql.Types.OTHER
          + " AS \"DATA_TYPE\", 'tid' AS \"TYPE_NAME\", NULL::int AS \"COLUMN_SIZE\","
          + " NULL::int AS \"BUFFER_LENGTH\", NULL::int2 AS \"DECIMAL_DIGITS\", "
          + java.sql.DatabaseMetaData.versionColumnPseudo
          + "::int2 AS \"PSEUDO_COLUMN\""
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " AND c.relkind IN ('r', 'p', 'm')";
}
