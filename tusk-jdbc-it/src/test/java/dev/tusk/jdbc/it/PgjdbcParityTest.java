package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData compared with pgjdbc's answers on the same schema, column by column for the
 * columns both drivers fill from the catalog (both drivers on one class path, each by its prefix).
 */
@TuskTest
class PgjdbcParityTest {

  private TestSchema schema;
  private Connection tusk;
  private Connection pgjdbc;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    this.schema = schema;
    tusk = JdbcTarget.connect(schema);
    Properties libpq = JdbcTarget.properties(schema);
    Properties properties = new Properties();
    properties.setProperty("user", libpq.getProperty("user"));
    if (libpq.getProperty("password") != null) {
      properties.setProperty("password", libpq.getProperty("password"));
    }
    properties.setProperty("currentSchema", schema.name());
    pgjdbc =
        DriverManager.getConnection(
            "jdbc:postgresql://"
                + libpq.getProperty("host")
                + ":"
                + libpq.getProperty("port")
                + "/"
                + libpq.getProperty("dbname"),
            properties);
    tusk.createStatement()
        .execute(
            "DROP TABLE IF EXISTS item, store; DROP FUNCTION IF EXISTS price_of;"
                + " CREATE TABLE store (region text, code varchar(8) NOT NULL,"
                + " id int GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (region, code));"
                + " CREATE TABLE item (id bigserial PRIMARY KEY, name varchar(40) NOT NULL,"
                + " price numeric(8, 2), added timestamptz, tags text[], region text,"
                + " code varchar(8), FOREIGN KEY (region, code) REFERENCES store);"
                + " GRANT SELECT ON store TO PUBLIC; GRANT UPDATE (name) ON item TO PUBLIC;"
                + " CREATE FUNCTION price_of(item_id bigint, OUT price numeric, OUT name text)"
                + " AS $$ SELECT price, name FROM item WHERE id = item_id $$ LANGUAGE sql");
  }

  @AfterEach
  void close() throws SQLException {
    tusk.close();
    pgjdbc.close();
  }

  /** The named columns of every row, in the order the driver gives them. */
  private static List<List<Object>> rows(ResultSet rs, String... columns) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (String column : columns) {
          Object value = rs.getObject(column);
          row.add(value instanceof Number number ? number.longValue() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private interface Question {
    ResultSet ask(DatabaseMetaData meta) throws SQLException;
  }

  private void same(Question question, String... columns) throws SQLException {
    compare(question, false, columns);
  }

  /**
   * The same rows in any order. pgjdbc 42.7 names PostgreSQL 17's MAINTAIN privilege "UNKNOWN" (its
   * ACL parser predates it); tusk-jdbc names it.
   */
  private void sameSet(Question question, String... columns) throws SQLException {
    compare(question, true, columns);
  }

  private void compare(Question question, boolean anyOrder, String... columns) throws SQLException {
    List<List<Object>> expected = rows(question.ask(pgjdbc.getMetaData()), columns);
    expected.forEach(row -> row.replaceAll(v -> "UNKNOWN".equals(v) ? "MAINTAIN" : v));
    List<List<Object>> actual = rows(question.ask(tusk.getMetaData()), columns);
    assertFalse(expected.isEmpty(), "pgjdbc answers something");
    if (anyOrder) {
      assertEquals(sorted(expected), sorted(actual));
    } else {
      assertEquals(expected, actual);
    }
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  @Test
  void columnsKeysAndIndexes() throws SQLException {
    String s = schema.name();
    same(
        meta -> meta.getColumns(null, s, "item", "%"),
        "TABLE_NAME",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "COLUMN_SIZE",
        "DECIMAL_DIGITS",
        "NULLABLE",
        "COLUMN_DEF",
        "ORDINAL_POSITION",
        "IS_NULLABLE",
        "IS_AUTOINCREMENT");
    // JDBC orders primary key columns by COLUMN_NAME, as tusk-jdbc does; pgjdbc by KEY_SEQ.
    sameSet(meta -> meta.getPrimaryKeys(null, s, "store"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    same(
        meta -> meta.getImportedKeys(null, s, "item"),
        "PKTABLE_NAME",
        "PKCOLUMN_NAME",
        "FKTABLE_NAME",
        "FKCOLUMN_NAME",
        "KEY_SEQ",
        "UPDATE_RULE",
        "DELETE_RULE",
        "FK_NAME",
        "PK_NAME",
        "DEFERRABILITY");
    same(
        meta -> meta.getBestRowIdentifier(null, s, "store", DatabaseMetaData.bestRowSession, false),
        "SCOPE",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "PSEUDO_COLUMN");
  }

  @Test
  void privileges() throws SQLException {
    String s = schema.name();
    sameSet(
        meta -> meta.getTablePrivileges(null, s, "store"),
        "TABLE_NAME",
        "GRANTOR",
        "GRANTEE",
        "PRIVILEGE",
        "IS_GRANTABLE");
    // Column privileges: pgjdbc lists the table's ACL whole (DELETE, TRUNCATE, TRIGGER too, which
    // do not apply to columns); tusk-jdbc answers as information_schema does.
    List<List<Object>> expected;
    try (var statement =
        tusk.prepareStatement(
            "SELECT column_name, grantor, grantee, privilege_type, is_grantable"
                + " FROM information_schema.column_privileges"
                + " WHERE table_schema = ? AND table_name = 'item' AND column_name = 'name'")) {
      statement.setString(1, s);
      expected =
          rows(
              statement.executeQuery(),
              "column_name",
              "grantor",
              "grantee",
              "privilege_type",
              "is_grantable");
    }
    List<List<Object>> actual =
        rows(
            tusk.getMetaData().getColumnPrivileges(null, s, "item", "name"),
            "COLUMN_NAME",
            "GRANTOR",
            "GRANTEE",
            "PRIVILEGE",
            "IS_GRANTABLE");
    assertEquals(sorted(expected), sorted(actual));
  }

  @Test
  void routines() throws SQLException {
    String s = schema.name();
    same(meta -> meta.getFunctions(null, s, "price_of"), "FUNCTION_NAME", "FUNCTION_TYPE");
    same(
        meta -> meta.getFunctionColumns(null, s, "price_of", "%"),
        "FUNCTION_NAME",
        "COLUMN_NAME",
        "COLUMN_TYPE",
        "DATA_TYPE",
        "TYPE_NAME");
    same(
        meta -> meta.getProcedureColumns(null, s, "price_of", "%"),
        "PROCEDURE_NAME",
        "COLUMN_NAME",
        "COLUMN_TYPE",
        "DATA_TYPE",
        "TYPE_NAME");
  }
}
