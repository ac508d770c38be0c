package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CallableStatement: a function's return value, and a procedure's OUT and INOUT parameters, with
 * {@code escapeSyntaxCallMode=callIfNoReturn} (so {@code {call p(?)}} is a procedure); {@link
 * CallModeTest} runs the other modes.
 */
@TuskTest
class CallableStatementTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("escapeSyntaxCallMode", "callIfNoReturn");
    connection = DriverManager.getConnection(JdbcTarget.URL, properties);
    connection
        .createStatement()
        .execute(
            "CREATE OR REPLACE FUNCTION add_tax(amount numeric, rate numeric) RETURNS numeric"
                + " AS $$ SELECT round(amount * (1 + rate), 2) $$ LANGUAGE sql;"
                + " CREATE OR REPLACE PROCEDURE split(IN whole int, INOUT half int,"
                + " OUT remainder int, OUT label text) AS $$ BEGIN half := whole / 2 + coalesce(half, 0);"
                + " remainder := whole % 2; label := NULL; END $$ LANGUAGE plpgsql;"
                + " CREATE OR REPLACE FUNCTION add_tax(amount int) RETURNS int"
                + " AS $$ SELECT amount $$ LANGUAGE sql;"
                + " CREATE OR REPLACE FUNCTION \"Shout\"(\"Word\" text, times int DEFAULT 2)"
                + " RETURNS text AS $$ SELECT repeat(upper(\"Word\"), times) $$ LANGUAGE sql");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void functionReturnValue() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{? = call add_tax(?, ?)}")) {
      call.registerOutParameter(1, Types.NUMERIC);
      call.setBigDecimal(2, new BigDecimal("10.00"));
      call.setBigDecimal(3, new BigDecimal("0.2"));
      call.execute();
      assertEquals(new BigDecimal("12.00"), call.getBigDecimal(1));
      assertEquals("12.00", call.getString(1));
      assertEquals(12, call.getInt(1));
    }
  }

  @Test
  void procedureOutAndInoutParameters() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{call split(?, ?, ?, ?)}")) {
      call.setInt(1, 7);
      call.setInt(2, 100);
      call.registerOutParameter(2, Types.INTEGER);
      call.registerOutParameter(3, Types.INTEGER);
      call.registerOutParameter(4, Types.VARCHAR);
      call.execute();
      assertEquals(103, call.getInt(2));
      assertEquals(1, call.getInt(3));
      assertNull(call.getString(4));
      assertTrue(call.wasNull());
      assertEquals(1, call.getObject(3, Integer.class));
    }
    try (CallableStatement call = connection.prepareCall("CALL split(?, ?, ?, ?)")) {
      call.setInt(1, 4);
      call.setNull(2, Types.INTEGER);
      call.registerOutParameter(2, Types.INTEGER);
      call.registerOutParameter(3, Types.INTEGER);
      call.registerOutParameter(4, Types.VARCHAR);
      call.execute();
      assertEquals(2, call.getInt(2));
      assertEquals(0, call.getInt(3));
    }
  }

  @Test
  void misuseIsExplained() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{? = call add_tax(?, ?)}")) {
      call.setBigDecimal(2, BigDecimal.ONE);
      call.setBigDecimal(3, BigDecimal.ONE);
      assertEquals("07002", assertThrows(SQLException.class, call::execute).getSQLState());
      call.registerOutParameter(1, Types.NUMERIC);
      assertThrows(SQLException.class, () -> call.getInt(1)); // not executed yet
      assertThrows(SQLException.class, () -> call.registerOutParameter(4, Types.NUMERIC));
      call.execute();
      assertThrows(SQLException.class, () -> call.getInt(2)); // an IN parameter
    }
  }

  @Test
  void functionParametersByName() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{? = call add_tax(?, ?)}")) {
      call.registerOutParameter(1, Types.NUMERIC);
      call.setBigDecimal("rate", new BigDecimal("0.5"));
      call.setBigDecimal("amount", new BigDecimal("10.00"));
      call.execute();
      assertEquals(new BigDecimal("15.00"), call.getBigDecimal(1));
    }
    // The one-argument overload of add_tax is the one a one-argument call means.
    try (CallableStatement call = connection.prepareCall("{? = call add_tax(?)}")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.setInt("AMOUNT", 41); // a name differing only in case
      call.execute();
      assertEquals(41, call.getInt(1));
      assertEquals(
          "42883", assertThrows(SQLException.class, () -> call.setInt("rate", 1)).getSQLState());
    }
    // A quoted, schema-qualified routine whose default covers the argument left out.
    String schemaName = connection.getSchema();
    try (CallableStatement call =
        connection.prepareCall("{? = call \"" + schemaName + "\".\"Shout\"(?)}")) {
      call.registerOutParameter(1, Types.VARCHAR);
      call.setString("Word", "ho");
      call.execute();
      assertEquals("HOHO", call.getString(1));
      SQLException notPassed = assertThrows(SQLException.class, () -> call.setInt("times", 3));
      assertTrue(notPassed.getMessage().contains("add a ?"), notPassed.getMessage());
    }
  }

  @Test
  void procedureParametersByName() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{call split(?, ?, ?, ?)}")) {
      call.setInt("whole", 9);
      call.setInt("half", 10);
      call.registerOutParameter("half", Types.INTEGER);
      call.registerOutParameter("remainder", Types.INTEGER);
      call.registerOutParameter("label", java.sql.JDBCType.VARCHAR);
      call.execute();
      assertEquals(14, call.getInt("half"));
      assertEquals(1, call.getInt("remainder"));
      assertEquals(1L, call.getObject("remainder", Long.class));
      assertNull(call.getString("label"));
      assertTrue(call.wasNull());
      assertEquals(call.getInt(2), call.getInt("half"));
      assertEquals(
          "42883", assertThrows(SQLException.class, () -> call.getInt("nothing")).getSQLState());
    }
  }

  @Test
  void namesNeedPlaceholdersOnly() throws SQLException {
    try (CallableStatement call = connection.prepareCall("{call split(7, ?, ?, ?)}")) {
      assertThrows(SQLFeatureNotSupportedException.class, () -> call.setInt("half", 1));
    }
  }
}
