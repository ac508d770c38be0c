package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ParameterMetaData and PreparedStatement.getMetaData from a Describe, before any run. */
@TuskTest
class ParameterMetaDataTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TABLE IF NOT EXISTS item (id int8 PRIMARY KEY, name varchar(20) NOT NULL,"
              + " price numeric(10, 2), added timestamptz)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void parameterTypesComeFromTheServer() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?)")) {
      ParameterMetaData meta = insert.getParameterMetaData();
      assertEquals(4, meta.getParameterCount());
      assertEquals(Types.BIGINT, meta.getParameterType(1));
      assertEquals("int8", meta.getParameterTypeName(1));
      assertEquals("java.lang.Long", meta.getParameterClassName(1));
      assertTrue(meta.isSigned(1));
      assertEquals(Types.VARCHAR, meta.getParameterType(2));
      assertEquals(Types.NUMERIC, meta.getParameterType(3));
      assertEquals(Types.TIMESTAMP, meta.getParameterType(4));
      assertEquals(ParameterMetaData.parameterModeIn, meta.getParameterMode(2));
      assertEquals(ParameterMetaData.parameterNullableUnknown, meta.isNullable(2));
      assertThrows(SQLException.class, () -> meta.getParameterType(5));
    }
    try (Statement count = connection.createStatement();
        var rows = count.executeQuery("SELECT count(*) FROM item")) {
      assertTrue(rows.next());
      assertEquals(0, rows.getInt(1), "describing ran nothing");
    }
  }

  @Test
  void resultColumnsAreKnownBeforeARun() throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id, name AS label FROM item WHERE price > ?")) {
      ResultSetMetaData meta = select.getMetaData();
      assertEquals(2, meta.getColumnCount());
      assertEquals("label", meta.getColumnLabel(2));
      assertEquals("item", meta.getTableName(2));
      assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(1));
      assertEquals(Types.NUMERIC, select.getParameterMetaData().getParameterType(1));
    }
    try (PreparedStatement update = connection.prepareStatement("DELETE FROM item")) {
      assertNull(update.getMetaData(), "a statement without rows has no result metadata");
    }
  }

  @Test
  void aStatementTheServerCannotParseFailsToDescribe() throws SQLException {
    try (PreparedStatement broken = connection.prepareStatement("SELEC ?")) {
      SQLException error =
          assertThrows(SQLSyntaxErrorException.class, broken::getParameterMetaData);
      assertEquals("42601", error.getSQLState());
    }
    assertTrue(connection.isValid(5));
  }

  @Test
  void callableParametersHaveTheirModes() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE OR REPLACE FUNCTION add_one(x int4) RETURNS int8 LANGUAGE sql AS 'SELECT x + 1'");
      ddl.execute(
          "CREATE OR REPLACE PROCEDURE double_it(INOUT x int4, OUT y text) LANGUAGE plpgsql"
              + " AS $$ BEGIN x := x * 2; y := 'done'; END $$");
    }
    try (CallableStatement call = connection.prepareCall("{? = call add_one(?)}")) {
      call.registerOutParameter(1, Types.BIGINT);
      ParameterMetaData meta = call.getParameterMetaData();
      assertEquals(2, meta.getParameterCount());
      assertEquals(ParameterMetaData.parameterModeOut, meta.getParameterMode(1));
      assertEquals(Types.BIGINT, meta.getParameterType(1));
      assertEquals(ParameterMetaData.parameterModeIn, meta.getParameterMode(2));
      assertEquals(Types.INTEGER, meta.getParameterType(2));
    }
    try (CallableStatement call = connection.prepareCall("CALL double_it(?, ?)")) {
      call.setInt(1, 21);
      call.registerOutParameter(1, Types.INTEGER);
      call.registerOutParameter(2, Types.VARCHAR);
      ParameterMetaData meta = call.getParameterMetaData();
      assertEquals(ParameterMetaData.parameterModeInOut, meta.getParameterMode(1));
      assertEquals(ParameterMetaData.parameterModeOut, meta.getParameterMode(2));
      assertEquals(Types.INTEGER, meta.getParameterType(1));
      assertEquals(Types.VARCHAR, meta.getParameterType(2));
      call.execute();
      assertEquals(42, call.getInt(1));
    }
  }
}
