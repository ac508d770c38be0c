package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Row;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The catalog side of {@link DatabaseMetaData}: each method is one query over pg_catalog whose
 * columns carry JDBC's names and types, returned as a scrollable result set. The column size and
 * type rules are those of {@link PgTypes}.
 */
final class JdbcDatabaseMetaData extends DatabaseCapabilities {

  /** pg_class.relkind and schema → JDBC's table type, as pgjdbc names them. */
  private static final String TABLE_TYPE =
      """
      CASE
        WHEN c.relpersistence = 't' THEN CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE'
          WHEN 'v' THEN 'TEMPORARY VIEW' WHEN 'i' THEN 'TEMPORARY INDEX'
          WHEN 'S' THEN 'TEMPORARY SEQUENCE' END
        WHEN n.nspname = 'pg_toast' THEN CASE c.relkind WHEN 't' THEN 'SYSTEM TOAST TABLE'
          WHEN 'i' THEN 'SYSTEM TOAST INDEX' END
        WHEN n.nspname IN ('pg_catalog', 'information_schema') THEN CASE c.relkind
          WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX' END
        ELSE CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'v' THEN 'VIEW' WHEN 'i' THEN 'INDEX'
          WHEN 'I' THEN 'PARTITIONED INDEX' WHEN 'S' THEN 'SEQUENCE'
          WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
          WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'c' THEN 'TYPE' END
      END""";

  private static final String TABLE_TYPES =
      "'TABLE','VIEW','INDEX','PARTITIONED INDEX','SEQUENCE','MATERIALIZED VIEW','FOREIGN TABLE',"
          + "'PARTITIONED TABLE','TYPE','SYSTEM TABLE','SYSTEM VIEW','SYSTEM INDEX',"
          + "'SYSTEM TOAST TABLE','SYSTEM TOAST INDEX','TEMPORARY TABLE','TEMPORARY VIEW',"
          + "'TEMPORARY INDEX','TEMPORARY SEQUENCE'";

  private final JdbcConnection connection;
  private final Connection shownAs;

  /**
   * @param connection the connection the catalog queries run on
   * @param shownAs what {@link #getConnection()} answers: the connection, or a pooled handle of it
   */
  JdbcDatabaseMetaData(JdbcConnection connection, Connection shownAs) {
    this.connection = connection;
    this.shownAs = shownAs;
  }

  /** Runs a catalog query and returns its rows as a scroll-insensitive result set. */
  private ResultSet query(String sql, Object... parameters) throws SQLException {
    connection.checkOpen();
    return SqlErrors.run(
        () -> {
          try (Cursor<Row> cursor = connection.tusk().cursor()) {
            cursor.execute(sql, parameters);
            return new JdbcResultSet(
                null, cursor.description(), cursor.fetchAll(), ResultSet.TYPE_SCROLL_INSENSITIVE);
          }
        },
        connection);
  }

  private ResultSet query(CatalogSql sql) throws SQLException {
    return query(sql.sql(), sql.parameters());
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tablePattern, String[] types)
      throws SQLException {
    String base =
        "SELECT * FROM (SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
            + " c.relname AS \"TABLE_NAME\", "
            + TABLE_TYPE
            + " AS \"TABLE_TYPE\", d.description AS \"REMARKS\", NULL::text AS \"TYPE_CAT\","
            + " NULL::text AS \"TYPE_SCHEM\", NULL::text AS \"TYPE_NAME\","
            + " NULL::text AS \"SELF_REFERENCING_COL_NAME\", NULL::text AS \"REF_GENERATION\""
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0"
            + " AND d.classoid = 'pg_catalog.pg_class'::regclass) t";
    return query(
        new CatalogSql(base)
            .where("\"TABLE_TYPE\" IS NOT NULL")
            .like("\"TABLE_SCHEM\"", schemaPattern)
            .like("\"TABLE_NAME\"", tablePattern)
            .any("\"TABLE_TYPE\"", types)
            .orderBy("\"TABLE_TYPE\", \"TABLE_SCHEM\", \"TABLE_NAME\""));
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return query("SELECT t AS \"TABLE_TYPE\" FROM unnest(ARRAY[" + TABLE_TYPES + "]) t ORDER BY 1");
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return query(
        new CatalogSql(
                "SELECT nspname AS \"TABLE_SCHEM\", current_database() AS \"TABLE_CATALOG\""
                    + " FROM pg_catalog.pg_namespace")
            .where(
                "nspname NOT LIKE 'pg\\_toast%' AND (nspname NOT LIKE 'pg\\_temp\\_%'"
                    + " OR oid = pg_catalog.pg_my_temp_schema())")
            .like("nspname", schemaPattern)
            .orderBy("1"));
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return query(
        "SELECT datname AS \"TABLE_CAT\" FROM pg_catalog.pg_database WHERE datallowconn"
            + " ORDER BY 1");
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    return query(
        new CatalogSql(MetadataQueries.COLUMNS)
            .like("n.nspname", schemaPattern)
            .like("c.relname", tablePattern)
            .like("a.attname", columnPattern)
            .orderBy("2, 3, 17"));
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return query(
        new CatalogSql(MetadataQueries.PRIMARY_KEYS)
            .equal("n.nspname", schema)
            .equal("c.relname", table)
            .orderBy("\"COLUMN_NAME\""));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return getCrossReference(null, null, null, catalog, schema, table);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return getCrossReference(catalog, schema, table, null, null, null);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    String order =
        parentTable != null && foreignTable == null
            ? "\"FKTABLE_SCHEM\", \"FKTABLE_NAME\", \"KEY_SEQ\""
            : "\"PKTABLE_SCHEM\", \"PKTABLE_NAME\", \"KEY_SEQ\"";
    return query(
        new CatalogSql(MetadataQueries.FOREIGN_KEYS)
            .equal("pn.nspname", parentSchema)
            .equal("pc.relname", parentTable)
            .equal("fn.nspname", foreignSchema)
            .equal("fc.relname", foreignTable)
            .orderBy(order));
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    CatalogSql sql =
        new CatalogSql(MetadataQueries.INDEXES)
            .equal("n.nspname", schema)
            .equal("t.relname", table);
    if (unique) {
      sql.where("i.indisunique");
    }
    return query(sql.orderBy("\"NON_UNIQUE\", \"TYPE\", \"INDEX_NAME\", \"ORDINAL_POSITION\""));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return query(MetadataQueries.TYPE_INFO);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedurePattern)
      throws SQLException {
    return query(
        new CatalogSql(RoutineQueries.PROCEDURES)
            .where("p.prokind IN ('f', 'p')")
            .like("n.nspname", schemaPattern)
            .like("p.proname", procedurePattern)
            .orderBy("2, 3, 9"));
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedurePattern, String columnPattern)
      throws SQLException {
    return query(
        routineColumns(
            RoutineQueries.PROCEDURE_COLUMNS,
            schemaPattern,
            procedurePattern,
            columnPattern,
            false));
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionPattern)
      throws SQLException {
    return query(
        new CatalogSql(RoutineQueries.FUNCTIONS)
            .where("p.prokind = 'f'")
            .like("n.nspname", schemaPattern)
            .like("p.proname", functionPattern)
            .orderBy("2, 3, 6"));
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionPattern, String columnPattern)
      throws SQLException {
    return query(
        routineColumns(
            RoutineQueries.FUNCTION_COLUMNS, schemaPattern, functionPattern, columnPattern, true));
  }

  private static CatalogSql routineColumns(
      String base,
      String schemaPattern,
      String routinePattern,
      String columnPattern,
      boolean functionsOnly) {
    CatalogSql sql =
        new CatalogSql(base)
            .like("r.schem", schemaPattern)
            .like("r.name", routinePattern)
            .like("r.column_name", columnPattern);
    if (functionsOnly) {
      sql.where(
          "r.specific IN (SELECT proname || '_' || oid FROM pg_catalog.pg_proc WHERE prokind = 'f')");
    }
    return sql.orderBy("r.schem, r.name, r.specific, r.ordinal");
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnPattern) throws SQLException {
    return query(
        new CatalogSql(PrivilegeQueries.COLUMN_PRIVILEGES)
            .equal("n.nspname", schema)
            .equal("c.relname", table)
            .like("a.attname", columnPattern)
            .orderBy("4, 7, 6"));
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tablePattern)
      throws SQLException {
    return query(
        new CatalogSql(PrivilegeQueries.TABLE_PRIVILEGES)
            .like("n.nspname", schemaPattern)
            .like("c.relname", tablePattern)
            .orderBy("2, 3, 6, 5"));
  }

  /**
   * The primary key's columns, else those of the smallest unique index (all NOT NULL unless {@code
   * nullable}); valid for the session, so for every scope. None for a table without one.
   */
  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return query(
        new CatalogSql(
                nullable
                    ? MetadataQueries.BEST_ROW_IDENTIFIER
                    : MetadataQueries.BEST_ROW_IDENTIFIER_NOT_NULL)
            .equal("n.nspname", schema)
            .equal("c.relname", table)
            .orderBy("k.ord"));
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return query(
        new CatalogSql(MetadataQueries.VERSION_COLUMNS)
            .equal("n.nspname", schema)
            .equal("c.relname", table));
  }

  /** Composite types (STRUCT) and domains (DISTINCT); {@code types} filters by DATA_TYPE. */
  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typePattern, int[] types)
      throws SQLException {
    String[] wanted = null;
    if (types != null) {
      wanted = java.util.Arrays.stream(types).mapToObj(String::valueOf).toArray(String[]::new);
    }
    return query(
        new CatalogSql(TypeQueries.UDTS)
            .like("\"TYPE_SCHEM\"", schemaPattern)
            .like("\"TYPE_NAME\"", typePattern)
            .any("\"DATA_TYPE\"::text", wanted)
            .orderBy("5, 2, 3"));
  }

  /** A domain's base domain: PostgreSQL's composite types have no supertypes. */
  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typePattern)
      throws SQLException {
    return query(
        new CatalogSql(TypeQueries.SUPER_TYPES)
            .like("n.nspname", schemaPattern)
            .like("t.typname", typePattern)
            .orderBy("2, 3"));
  }

  /** Table inheritance and partitioning (pg_inherits): the table each one is under. */
  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tablePattern)
      throws SQLException {
    return query(
        new CatalogSql(TypeQueries.SUPER_TABLES)
            .like("n.nspname", schemaPattern)
            .like("c.relname", tablePattern)
            .orderBy("2, 3, 4"));
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typePattern, String attributePattern)
      throws SQLException {
    return query(
        new CatalogSql(TypeQueries.ATTRIBUTES)
            .like("n.nspname", schemaPattern)
            .like("t.typname", typePattern)
            .like("a.attname", attributePattern)
            .orderBy("2, 3, 16"));
  }

  /** The system columns (ctid, xmin, ...), which getColumns does not list. */
  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    return query(
        new CatalogSql(TypeQueries.PSEUDO_COLUMNS)
            .like("n.nspname", schemaPattern)
            .like("c.relname", tablePattern)
            .like("a.attname", columnPattern)
            .orderBy("2, 3, 4"));
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return query(
        "SELECT 'ApplicationName' AS \"NAME\", 63 AS \"MAX_LEN\", '' AS \"DEFAULT_VALUE\","
            + " 'the session''s application_name' AS \"DESCRIPTION\"");
  }

  @Override
  public String getURL() throws SQLException {
    var info = connection.tusk().info();
    return JdbcUrl.PREFIX + "//" + info.host() + ":" + info.port() + "/" + info.database();
  }

  @Override
  public String getUserName() throws SQLException {
    return connection.tusk().info().user();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public String getDatabaseProductName() {
    return "PostgreSQL";
  }

  @Override
  public String getDatabaseProductVersion() {
    String version = connection.tusk().info().parameter("server_version");
    return version == null ? getDatabaseMajorVersion() + "." + getDatabaseMinorVersion() : version;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return connection.tusk().info().serverVersion() / 10000;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return connection.tusk().info().serverVersion() % 10000;
  }

  @Override
  public String getDriverName() {
    return TuskDriver.NAME;
  }

  @Override
  public String getDriverVersion() {
    return TuskDriver.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return TuskDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return TuskDriver.MINOR_VERSION;
  }

  @Override
  public Connection getConnection() {
    return shownAs;
  }
}
