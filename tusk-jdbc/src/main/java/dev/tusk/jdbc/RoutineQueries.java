package dev.tusk.jdbc;

import java.sql.DatabaseMetaData;

/**
 * The pg_proc queries behind {@code getProcedures}, {@code getFunctions} and their column methods,
 * each without its WHERE clause ({@link CatalogSql} adds the caller's filters). A routine's {@code
 * SPECIFIC_NAME} is its name and OID, which tells overloads apart.
 */
final class RoutineQueries {

  private RoutineQueries() {}

  private static final String FROM =
      " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.objsubid = 0"
          + " AND d.classoid = 'pg_catalog.pg_proc'::regclass";

  static final String PROCEDURES =
      "SELECT current_database() AS \"PROCEDURE_CAT\", n.nspname AS \"PROCEDURE_SCHEM\","
          + " p.proname AS \"PROCEDURE_NAME\", NULL::text AS \"RESERVED1\","
          + " NULL::text AS \"RESERVED2\", NULL::text AS \"RESERVED3\", d.description AS \"REMARKS\","
          + " (CASE WHEN p.prokind = 'p' THEN "
          + DatabaseMetaData.procedureNoResult
          + " ELSE "
          + DatabaseMetaData.procedureReturnsResult
          + " END)::int2 AS \"PROCEDURE_TYPE\","
          + " p.proname || '_' || p.oid AS \"SPECIFIC_NAME\""
          + FROM;

  static final String FUNCTIONS =
      "SELECT current_database() AS \"FUNCTION_CAT\", n.nspname AS \"FUNCTION_SCHEM\","
          + " p.proname AS \"FUNCTION_NAME\", d.description AS \"REMARKS\","
          + " (CASE WHEN p.proretset THEN "
          + DatabaseMetaData.functionReturnsTable
          + " ELSE "
          + DatabaseMetaData.functionNoTable
          + " END)::int2 AS \"FUNCTION_TYPE\","
          + " p.proname || '_' || p.oid AS \"SPECIFIC_NAME\""
          + FROM;

  /**
   * One row per argument (IN, OUT, INOUT, VARIADIC, TABLE), then the return value of a function
   * without OUT arguments. The column-type numbers are equal for procedures and functions in JDBC
   * (In 1, InOut 2, Result 3, Out 4, Return 5), so one query serves both.
   */
  static final String COLUMNS =
      "SELECT * FROM (SELECT current_database() AS cat, n.nspname AS schem, p.proname AS name,"
          + " COALESCE(p.proargnames[a.ord], '$' || a.ord) AS column_name,"
          + " replace(COALESCE(p.proargmodes[a.ord], 'i')::text, 'v', 'i') AS mode,"
          + " t.typname::text AS type_name, t.typlen::int AS type_length, a.ord::int AS ordinal,"
          + " p.proname || '_' || p.oid AS specific"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " CROSS JOIN LATERAL unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[]))"
          + " WITH ORDINALITY AS a(type, ord)"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.type"
          + " WHERE p.prokind IN ('f', 'p')"
          + " UNION ALL"
          + " SELECT current_database(), n.nspname, p.proname, 'returnValue', 'r',"
          + " t.typname::text, t.typlen::int, 0, p.proname || '_' || p.oid"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " JOIN pg_catalog.pg_type t ON t.oid = p.prorettype"
          + " WHERE p.prokind = 'f' AND t.typname <> 'void'"
          + " AND NOT (COALESCE(p.proargmodes, '{}') && ARRAY['o', 'b', 't']::\"char\"[])) c";

  /**
   * PRECISION, LENGTH and SCALE of an argument: a routine's arguments carry no type modifier, so
   * these are the type's own (a {@code numeric} has no declared precision, a {@code varchar} no
   * length: the maximum is given), and LENGTH is the fixed width in bytes where there is one.
   */
  private static final String SIZES =
      MetadataQueries.columnSize("type_name", "-1")
          + " AS \"PRECISION\", CASE WHEN type_length > 0 THEN type_length END AS \"LENGTH\", "
          + MetadataQueries.decimalDigits("type_name", "-1")
          + "::int2 AS \"SCALE\"";

  /** {@link #COLUMNS} with getProcedureColumns' column names. */
  static final String PROCEDURE_COLUMNS =
      "SELECT cat AS \"PROCEDURE_CAT\", schem AS \"PROCEDURE_SCHEM\", name AS \"PROCEDURE_NAME\","
          + " column_name AS \"COLUMN_NAME\", (CASE mode WHEN 'i' THEN 1 WHEN 'b' THEN 2"
          + " WHEN 't' THEN 3 WHEN 'o' THEN 4 ELSE 5 END)::int2 AS \"COLUMN_TYPE\", "
          + PgTypes.sqlCase("type_name")
          + "::int AS \"DATA_TYPE\", type_name AS \"TYPE_NAME\", "
          + SIZES
          + ", 10::int2 AS \"RADIX\","
          + " 2::int2 AS \"NULLABLE\", NULL::text AS \"REMARKS\", NULL::text AS \"COLUMN_DEF\","
          + " NULL::int AS \"SQL_DATA_TYPE\", NULL::int AS \"SQL_DATETIME_SUB\","
          + " NULL::int AS \"CHAR_OCTET_LENGTH\", ordinal AS \"ORDINAL_POSITION\","
          + " '' AS \"IS_NULLABLE\", specific AS \"SPECIFIC_NAME\" FROM ("
          + COLUMNS
          + ") r";

  /** {@link #COLUMNS} with getFunctionColumns' column names. */
  static final String FUNCTION_COLUMNS =
      "SELECT cat AS \"FUNCTION_CAT\", schem AS \"FUNCTION_SCHEM\", name AS \"FUNCTION_NAME\","
          + " column_name AS \"COLUMN_NAME\", (CASE mode WHEN 'i' THEN 1 WHEN 'b' THEN 2"
          + " WHEN 'o' THEN 3 WHEN 'r' THEN 4 ELSE 5 END)::int2 AS \"COLUMN_TYPE\", "
          + PgTypes.sqlCase("type_name")
          + "::int AS \"DATA_TYPE\", type_name AS \"TYPE_NAME\", "
          + SIZES
          + ", 10::int2 AS \"RADIX\","
          + " 2::int2 AS \"NULLABLE\", NULL::text AS \"REMARKS\", NULL::int AS \"CHAR_OCTET_LENGTH\","
          + " ordinal AS \"ORDINAL_POSITION\", '' AS \"IS_NULLABLE\", specific AS \"SPECIFIC_NAME\""
          + " FROM ("
          + COLUMNS
          + ") r";
}
