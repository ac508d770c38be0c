package dev.tusk.jdbc;

/**
 * The ACL queries behind {@code getTablePrivileges} and {@code getColumnPrivileges}, each without
 * its WHERE clause ({@link CatalogSql} adds the caller's filters). Privileges come from {@code
 * aclexplode} over the object's ACL, or over the owner's default ACL while none was granted; the
 * grantee 0 is PUBLIC. The owner may always grant, so its privileges are grantable (as pgjdbc
 * answers); others' are when granted WITH GRANT OPTION.
 */
final class PrivilegeQueries {

  private PrivilegeQueries() {}

  private static final String ACL = "COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))";

  private static final String GRANT_COLUMNS =
      " pg_catalog.pg_get_userbyid(p.grantor)::text AS \"GRANTOR\","
          + " CASE WHEN p.grantee = 0 THEN 'PUBLIC'"
          + " ELSE pg_catalog.pg_get_userbyid(p.grantee)::text END AS \"GRANTEE\","
          + " p.privilege_type AS \"PRIVILEGE\","
          + " CASE WHEN p.is_grantable OR p.grantee = c.relowner THEN 'YES' ELSE 'NO' END"
          + " AS \"IS_GRANTABLE\"";

  private static final String TABLES =
      " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " AND c.relkind IN ('r', 'v', 'm', 'f', 'p')";

  static final String TABLE_PRIVILEGES =
      "SELECT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\","
          + GRANT_COLUMNS
          + TABLES
          + " CROSS JOIN LATERAL pg_catalog.aclexplode("
          + ACL
          + ") p";

  /**
   * A column's privileges: those the table grants that apply to columns (SELECT, INSERT, UPDATE,
   * REFERENCES), and those granted on the column itself.
   */
  static final String COLUMN_PRIVILEGES =
      "SELECT DISTINCT current_database() AS \"TABLE_CAT\", n.nspname AS \"TABLE_SCHEM\","
          + " c.relname AS \"TABLE_NAME\", a.attname AS \"COLUMN_NAME\","
          + GRANT_COLUMNS
          + TABLES
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
          + " AND NOT a.attisdropped"
          + " CROSS JOIN LATERAL (SELECT * FROM pg_catalog.aclexplode("
          + ACL
          + ") WHERE privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')"
          + " UNION SELECT * FROM pg_catalog.aclexplode(a.attacl)) p";
}
