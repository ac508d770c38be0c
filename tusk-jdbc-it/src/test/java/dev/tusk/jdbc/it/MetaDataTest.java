package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData's catalog answers on a small schema. */
@TuskTest
class MetaDataTest {

  private TestSchema schema;
  private Connection connection;
  private DatabaseMetaData meta;

  @BeforeEach
  void setUp(TestSchema schema) throws SQLException {
    this.schema = schema;
    connection = JdbcTarget.connect(schema);
    connection
        .createStatement()
        .execute(
            "DROP VIEW IF EXISTS owner_names; DROP TABLE IF EXISTS pet, owner, tag, measure;"
                + " CREATE TABLE owner (id int GENERATED ALWAYS AS IDENTITY, region text,"
                + " code varchar(8) NOT NULL, PRIMARY KEY (region, code), UNIQUE (id));"
                + " COMMENT ON TABLE owner IS 'people with pets';"
                + " CREATE TABLE pet (id bigserial PRIMARY KEY, name varchar(40) NOT NULL,"
                + " weight numeric(6, 2) DEFAULT 1.5, born timestamptz, tags text[],"
                + " region text, code varchar(8),"
                + " FOREIGN KEY (region, code) REFERENCES owner ON DELETE CASCADE);"
                + " CREATE INDEX pet_name_desc ON pet (name DESC) WHERE weight > 0;"
                + " CREATE VIEW owner_names AS SELECT code FROM owner");
    meta = connection.getMetaData();
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.close();
  }

  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= columns; i++) {
        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
      }
      rows.add(row);
    }
    rs.close();
    return rows;
  }

  @Test
  void tablesAndViewsWithTypes() throws SQLException {
    List<Map<String, Object>> tables =
        rows(meta.getTables(null, schema.name(), "%", new String[] {"TABLE", "VIEW"}));
    assertEquals(
        List.of("owner", "pet", "owner_names"),
        tables.stream().map(r -> r.get("TABLE_NAME")).toList());
    assertEquals("TABLE", tables.get(0).get("TABLE_TYPE"));
    assertEquals("people with pets", tables.get(0).get("REMARKS"));
    assertEquals("VIEW", tables.get(2).get("TABLE_TYPE"));
    assertEquals(1, rows(meta.getTables(null, schema.name(), "pe_", null)).size());
    assertTrue(
        rows(meta.getTableTypes()).stream().anyMatch(r -> "TABLE".equals(r.get("TABLE_TYPE"))));
  }

  @Test
  void columnsWithJdbcTypesSizesAndDefaults() throws SQLException {
    Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
    for (Map<String, Object> row : rows(meta.getColumns(null, schema.name(), "pet", null))) {
      columns.put((String) row.get("COLUMN_NAME"), row);
    }
    assertEquals(
        List.of("id", "name", "weight", "born", "tags", "region", "code"),
        List.copyOf(columns.keySet()));
    assertEquals(Types.BIGINT, columns.get("id").get("DATA_TYPE"));
    assertEquals("YES", columns.get("id").get("IS_AUTOINCREMENT"));
    assertEquals(Types.VARCHAR, columns.get("name").get("DATA_TYPE"));
    assertEquals(40, columns.get("name").get("COLUMN_SIZE"));
    assertEquals(DatabaseMetaData.columnNoNulls, columns.get("name").get("NULLABLE"));
    assertEquals("NO", columns.get("name").get("IS_NULLABLE"));
    assertEquals(Types.NUMERIC, columns.get("weight").get("DATA_TYPE"));
    assertEquals(6, columns.get("weight").get("COLUMN_SIZE"));
    assertEquals(2, columns.get("weight").get("DECIMAL_DIGITS"));
    assertEquals("1.5", columns.get("weight").get("COLUMN_DEF"));
    assertEquals(Types.TIMESTAMP, columns.get("born").get("DATA_TYPE"));
    assertEquals("timestamptz", columns.get("born").get("TYPE_NAME"));
    assertEquals(Types.ARRAY, columns.get("tags").get("DATA_TYPE"));
    assertEquals(4, columns.get("born").get("ORDINAL_POSITION"));
  }

  @Test
  void keysAndIndexes() throws SQLException {
    List<Map<String, Object>> primary = rows(meta.getPrimaryKeys(null, schema.name(), "owner"));
    assertEquals(
        List.of("code", "region"), primary.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(2, primary.get(0).get("KEY_SEQ")); // code is the key's second column
    List<Map<String, Object>> imported = rows(meta.getImportedKeys(null, schema.name(), "pet"));
    assertEquals(2, imported.size());
    assertEquals("owner", imported.get(0).get("PKTABLE_NAME"));
    assertEquals("region", imported.get(0).get("FKCOLUMN_NAME"));
    assertEquals(DatabaseMetaData.importedKeyCascade, imported.get(0).get("DELETE_RULE"));
    assertEquals(DatabaseMetaData.importedKeyNoAction, imported.get(0).get("UPDATE_RULE"));
    assertEquals(imported, rows(meta.getExportedKeys(null, schema.name(), "owner")));
    List<Map<String, Object>> indexes =
        rows(meta.getIndexInfo(null, schema.name(), "pet", false, true));
    Map<String, Object> byName =
        indexes.stream()
            .filter(r -> "pet_name_desc".equals(r.get("INDEX_NAME")))
            .findFirst()
            .orElseThrow();
    assertEquals(true, byName.get("NON_UNIQUE"));
    assertEquals("D", byName.get("ASC_OR_DESC"));
    assertEquals("name", byName.get("COLUMN_NAME"));
    assertTrue(((String) byName.get("FILTER_CONDITION")).contains("weight"));
    assertTrue(
        rows(meta.getIndexInfo(null, schema.name(), "pet", true, true)).stream()
            .allMatch(r -> Boolean.FALSE.equals(r.get("NON_UNIQUE"))));
    List<Map<String, Object>> best =
        rows(
            meta.getBestRowIdentifier(
                null, schema.name(), "owner", DatabaseMetaData.bestRowSession, false));
    assertEquals(List.of("region", "code"), best.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(Types.VARCHAR, best.get(1).get("DATA_TYPE"));
    List<Map<String, Object>> version = rows(meta.getVersionColumns(null, schema.name(), "pet"));
    assertEquals(List.of("ctid"), version.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertTrue(rows(meta.getVersionColumns(null, schema.name(), "no_such_table")).isEmpty());
  }

  @Test
  void schemasCatalogsAndTypes() throws SQLException {
    assertTrue(
        rows(meta.getSchemas()).stream().anyMatch(r -> schema.name().equals(r.get("TABLE_SCHEM"))));
    assertEquals(1, rows(meta.getSchemas(null, schema.name())).size());
    String database = connection.getCatalog();
    assertTrue(
        rows(meta.getCatalogs()).stream().anyMatch(r -> database.equals(r.get("TABLE_CAT"))));
    List<Map<String, Object>> types = rows(meta.getTypeInfo());
    Map<String, Object> int4 =
        types.stream().filter(r -> "int4".equals(r.get("TYPE_NAME"))).findFirst().orElseThrow();
    assertEquals(Types.INTEGER, int4.get("DATA_TYPE"));
  }

  @Test
  void proceduresFunctionsAndTheirColumns() throws SQLException {
    connection
        .createStatement()
        .execute(
            "CREATE FUNCTION twice(n int) RETURNS bigint AS $$ SELECT n * 2 $$ LANGUAGE sql;"
                + " COMMENT ON FUNCTION twice(int) IS 'doubles';"
                + " CREATE PROCEDURE reset_pets(IN keep int, OUT removed int) AS $$"
                + " BEGIN removed := 0; END $$ LANGUAGE plpgsql");
    List<Map<String, Object>> procedures = rows(meta.getProcedures(null, schema.name(), "%"));
    assertEquals(
        List.of("reset_pets", "twice"),
        procedures.stream().map(r -> r.get("PROCEDURE_NAME")).toList());
    assertEquals(DatabaseMetaData.procedureNoResult, procedures.get(0).get("PROCEDURE_TYPE"));
    assertEquals(DatabaseMetaData.procedureReturnsResult, procedures.get(1).get("PROCEDURE_TYPE"));
    assertEquals("doubles", procedures.get(1).get("REMARKS"));
    List<Map<String, Object>> functions = rows(meta.getFunctions(null, schema.name(), "%"));
    assertEquals(List.of("twice"), functions.stream().map(r -> r.get("FUNCTION_NAME")).toList());

    List<Map<String, Object>> twice =
        rows(meta.getFunctionColumns(null, schema.name(), "twice", null));
    assertEquals(
        List.of("returnValue", "n"), twice.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(DatabaseMetaData.functionReturn, twice.get(0).get("COLUMN_TYPE"));
    assertEquals(Types.BIGINT, twice.get(0).get("DATA_TYPE"));
    assertEquals(DatabaseMetaData.functionColumnIn, twice.get(1).get("COLUMN_TYPE"));
    assertEquals(Types.INTEGER, twice.get(1).get("DATA_TYPE"));
    List<Map<String, Object>> reset =
        rows(meta.getProcedureColumns(null, schema.name(), "reset_pets", "%"));
    assertEquals(
        List.of("keep", "removed"), reset.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(DatabaseMetaData.procedureColumnOut, reset.get(1).get("COLUMN_TYPE"));
    assertTrue(rows(meta.getFunctionColumns(null, schema.name(), "reset_pets", null)).isEmpty());
  }

  private static Map<String, Object> find(List<Map<String, Object>> rows, String... keyValues) {
    return rows.stream()
        .filter(
            r -> {
              for (int i = 0; i < keyValues.length; i += 2) {
                if (!keyValues[i + 1].equals(String.valueOf(r.get(keyValues[i])))) {
                  return false;
                }
              }
              return true;
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + List.of(keyValues) + " in " + rows));
  }

  @Test
  void tableAndColumnPrivileges() throws SQLException {
    connection
        .createStatement()
        .execute("GRANT SELECT ON owner TO PUBLIC; GRANT UPDATE (name) ON pet TO PUBLIC");
    String me = meta.getUserName();
    List<Map<String, Object>> table = rows(meta.getTablePrivileges(null, schema.name(), "owner"));
    Map<String, Object> publicSelect = find(table, "GRANTEE", "PUBLIC", "PRIVILEGE", "SELECT");
    assertEquals("NO", publicSelect.get("IS_GRANTABLE"));
    assertEquals(me, publicSelect.get("GRANTOR"));
    assertEquals("YES", find(table, "GRANTEE", me, "PRIVILEGE", "DELETE").get("IS_GRANTABLE"));
    assertTrue(
        table.stream()
            .noneMatch(
                r -> "PUBLIC".equals(r.get("GRANTEE")) && "DELETE".equals(r.get("PRIVILEGE"))));
    // pet has no grants to PUBLIC on the table, only on its column name.
    assertTrue(
        rows(meta.getTablePrivileges(null, schema.name(), "pet")).stream()
            .noneMatch(r -> "PUBLIC".equals(r.get("GRANTEE"))));
    List<Map<String, Object>> name =
        rows(meta.getColumnPrivileges(null, schema.name(), "pet", "n%"));
    assertEquals("name", find(name, "GRANTEE", "PUBLIC", "PRIVILEGE", "UPDATE").get("COLUMN_NAME"));
    assertEquals("pet", find(name, "GRANTEE", me, "PRIVILEGE", "SELECT").get("TABLE_NAME"));
    assertTrue(
        rows(meta.getColumnPrivileges(null, schema.name(), "pet", "weight")).stream()
            .noneMatch(r -> "PUBLIC".equals(r.get("GRANTEE"))));
    assertTrue(
        rows(meta.getColumnPrivileges(null, schema.name(), "pet", "weight")).stream()
            .noneMatch(r -> "DELETE".equals(r.get("PRIVILEGE"))),
        "DELETE is a table privilege only");
  }

  @Test
  void userDefinedTypesAttributesAndHierarchies() throws SQLException {
    connection
        .createStatement()
        .execute(
            "DROP TABLE IF EXISTS measure; DROP TYPE IF EXISTS point3;"
                + " DROP DOMAIN IF EXISTS small_positive; DROP DOMAIN IF EXISTS positive;"
                + " CREATE DOMAIN positive AS int CHECK (VALUE > 0);"
                + " CREATE DOMAIN small_positive AS positive CHECK (VALUE < 100);"
                + " CREATE TYPE point3 AS (x float8, y numeric(7, 3), label varchar(12));"
                + " COMMENT ON TYPE point3 IS 'a point in space';"
                + " CREATE TABLE measure (at date, value int) PARTITION BY RANGE (at);"
                + " CREATE TABLE measure_2026 PARTITION OF measure"
                + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
    List<Map<String, Object>> udts = rows(meta.getUDTs(null, schema.name(), "%", null));
    assertEquals(
        List.of("point3", "positive", "small_positive"),
        udts.stream().map(r -> r.get("TYPE_NAME")).sorted().toList(),
        "composite types and domains, not the tables' row types");
    Map<String, Object> point = find(udts, "TYPE_NAME", "point3");
    assertEquals(Types.STRUCT, point.get("DATA_TYPE"));
    assertEquals("java.sql.Struct", point.get("CLASS_NAME"));
    assertEquals("a point in space", point.get("REMARKS"));
    assertEquals(Types.DISTINCT, find(udts, "TYPE_NAME", "positive").get("DATA_TYPE"));
    assertEquals(Types.INTEGER, find(udts, "TYPE_NAME", "small_positive").get("BASE_TYPE"));
    assertEquals(
        List.of("point3"),
        rows(meta.getUDTs(null, schema.name(), "%", new int[] {Types.STRUCT})).stream()
            .map(r -> r.get("TYPE_NAME"))
            .toList());

    List<Map<String, Object>> attributes =
        rows(meta.getAttributes(null, schema.name(), "point3", "%"));
    assertEquals(
        List.of("x", "y", "label"), attributes.stream().map(r -> r.get("ATTR_NAME")).toList());
    assertEquals(Types.DOUBLE, attributes.get(0).get("DATA_TYPE"));
    assertEquals(7, attributes.get(1).get("ATTR_SIZE"));
    assertEquals(3, attributes.get(1).get("DECIMAL_DIGITS"));
    assertEquals("varchar", attributes.get(2).get("ATTR_TYPE_NAME"));
    assertEquals(12, attributes.get(2).get("ATTR_SIZE"));
    assertEquals(3, attributes.get(2).get("ORDINAL_POSITION"));

    List<Map<String, Object>> superTypes = rows(meta.getSuperTypes(null, schema.name(), "%"));
    assertEquals(1, superTypes.size(), superTypes.toString());
    assertEquals("small_positive", superTypes.get(0).get("TYPE_NAME"));
    assertEquals("positive", superTypes.get(0).get("SUPERTYPE_NAME"));
    assertEquals(schema.name(), superTypes.get(0).get("SUPERTYPE_SCHEM"));

    List<Map<String, Object>> superTables = rows(meta.getSuperTables(null, schema.name(), "%"));
    assertEquals(1, superTables.size(), superTables.toString());
    assertEquals("measure_2026", superTables.get(0).get("TABLE_NAME"));
    assertEquals("measure", superTables.get(0).get("SUPERTABLE_NAME"));
  }

  @Test
  void pseudoColumnsBestRowsAndRoutineSizes() throws SQLException {
    List<Map<String, Object>> pseudo = rows(meta.getPseudoColumns(null, schema.name(), "pet", "%"));
    assertEquals(
        List.of("cmax", "cmin", "ctid", "tableoid", "xmax", "xmin"),
        pseudo.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(Types.BIGINT, find(pseudo, "COLUMN_NAME", "tableoid").get("DATA_TYPE"));
    assertEquals("NO_USAGE_RESTRICTIONS", pseudo.get(0).get("COLUMN_USAGE"));
    assertEquals("NO", pseudo.get(0).get("IS_NULLABLE"));

    connection
        .createStatement()
        .execute(
            "DROP TABLE IF EXISTS tag; CREATE TABLE tag (id int, code varchar(5) NOT NULL UNIQUE,"
                + " alt int UNIQUE);"
                + " DROP FUNCTION IF EXISTS scaled; CREATE FUNCTION scaled(n int, f numeric)"
                + " RETURNS numeric AS $$ SELECT n * f $$ LANGUAGE sql");
    List<Map<String, Object>> best =
        rows(
            meta.getBestRowIdentifier(
                null, schema.name(), "tag", DatabaseMetaData.bestRowTemporary, false));
    assertEquals(List.of("code"), best.stream().map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(5, best.get(0).get("COLUMN_SIZE"));
    List<Map<String, Object>> withNullable =
        rows(
            meta.getBestRowIdentifier(
                null, schema.name(), "tag", DatabaseMetaData.bestRowSession, true));
    assertEquals(1, withNullable.size(), "one index: the first of the smallest");
    List<Map<String, Object>> ownerKey =
        rows(
            meta.getBestRowIdentifier(
                null, schema.name(), "owner", DatabaseMetaData.bestRowSession, true));
    assertEquals(
        List.of("region", "code"),
        ownerKey.stream().map(r -> r.get("COLUMN_NAME")).toList(),
        "the primary key comes before the smaller unique (id)");
    assertEquals(8, ownerKey.get(1).get("COLUMN_SIZE"));

    List<Map<String, Object>> scaled =
        rows(meta.getFunctionColumns(null, schema.name(), "scaled", "%"));
    Map<String, Object> n = find(scaled, "COLUMN_NAME", "n");
    assertEquals(10, n.get("PRECISION"));
    assertEquals(4, n.get("LENGTH"));
    assertEquals(
        null, find(scaled, "COLUMN_NAME", "f").get("LENGTH"), "numeric has no fixed width");
    assertEquals(
        10,
        find(rows(meta.getProcedureColumns(null, schema.name(), "scaled", "n")), "COLUMN_NAME", "n")
            .get("PRECISION"));
  }
}
