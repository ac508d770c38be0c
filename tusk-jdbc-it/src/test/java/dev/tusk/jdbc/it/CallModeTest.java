package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code escapeSyntaxCallMode}: {@code {call f(?)}} as a function's {@code SELECT} (the default, as
 * in pgjdbc), OUT and INOUT parameters of functions, and the {@code call} and {@code
 * callIfNoReturn} modes that run procedures.
 */
@TuskTest
class CallModeTest {

  @BeforeAll
  static void routines(TestSchema schema) throws SQLException {
    try (Connection connection = JdbcTarget.connect(schema);
        Statement ddl = connection.createStatement()) {
      ddl.execute(
          """
          CREATE FUNCTION swap_in(a INOUT int, b OUT int) LANGUAGE plpgsql
            AS 'BEGIN b := a; a := 1; END';
          CREATE FUNCTION describe_number(x int, OUT doubled int, OUT label text, OUT odd bool)
            LANGUAGE sql AS $$ SELECT x * 2, 'n' || x, x % 2 = 1 $$;
          CREATE FUNCTION pair(x int, OUT a int, OUT b text)
            LANGUAGE sql AS $$ SELECT x, 'b' $$;
          CREATE FUNCTION add_up(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
          CREATE FUNCTION count_to(n int) RETURNS TABLE(i int, square int)
            LANGUAGE sql AS 'SELECT g, g * g FROM generate_series(1, n) g';
          CREATE TABLE touched (v int);
          CREATE FUNCTION touch(v int) RETURNS void LANGUAGE sql
            AS 'INSERT INTO touched VALUES (v)';
          CREATE FUNCTION kind(x int, OUT name text) LANGUAGE sql AS $$ SELECT 'int' $$;
          CREATE FUNCTION kind(x text, OUT name text) LANGUAGE sql AS $$ SELECT 'text:' || x $$;
          CREATE PROCEDURE halve(INOUT n int, OUT rest int) LANGUAGE plpgsql
            AS 'BEGIN rest := n % 2; n := n / 2; END';
          CREATE PROCEDURE answer(OUT r int, x int) LANGUAGE plpgsql AS 'BEGIN r := x + 42; END';
          """);
    }
  }

  private static Connection connect(TestSchema schema, String mode) throws SQLException {
    Properties properties = JdbcTarget.properties(schema);
    if (mode != null) {
      properties.setProperty("escapeSyntaxCallMode", mode);
    }
    return DriverManager.getConnection(JdbcTarget.URL, properties);
  }

  @Test
  void byDefaultACallEscapeCallsAFunctionWithInoutAndOutParameters(TestSchema schema)
      throws SQLException {
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{ call swap_in(?, ?) }")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.registerOutParameter(2, Types.INTEGER);
      call.setInt(1, 10);
      call.execute();
      assertEquals(1, call.getInt(1));
      assertEquals(10, call.getInt(2));
      // Run again with another value: the same statement, new OUT values.
      call.setInt(1, 5);
      call.execute();
      assertEquals(5, call.getInt(2));
    }
  }

  @Test
  void severalOutParametersFillTheirPlaceholdersInOrder(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, "select");
        CallableStatement call = connection.prepareCall("{call describe_number(?, ?, ?, ?)}")) {
      call.setInt(1, 7);
      call.registerOutParameter(2, Types.INTEGER);
      call.registerOutParameter(3, Types.VARCHAR);
      call.registerOutParameter(4, Types.BOOLEAN);
      call.execute();
      assertEquals(14, call.getInt(2));
      assertEquals("n7", call.getString(3));
      assertTrue(call.getBoolean(4));
      ParameterMetaData meta = call.getParameterMetaData();
      assertEquals(ParameterMetaData.parameterModeIn, meta.getParameterMode(1));
      assertEquals(ParameterMetaData.parameterModeOut, meta.getParameterMode(3));
      assertEquals(Types.INTEGER, meta.getParameterType(1));
    }
  }

  @Test
  void aReturnValueTakesTheFirstOutColumnWhenMoreAreRegistered(TestSchema schema)
      throws SQLException {
    try (Connection connection = connect(schema, null)) {
      try (CallableStatement call = connection.prepareCall("{? = call pair(?, ?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, 7);
        call.registerOutParameter(3, Types.VARCHAR);
        call.execute();
        assertEquals(7, call.getInt(1));
        assertEquals("b", call.getString(3));
      }
      // With the return value alone registered, it is the function's whole record.
      try (CallableStatement call = connection.prepareCall("{? = call pair(?)}")) {
        call.registerOutParameter(1, Types.OTHER);
        call.setInt(2, 7);
        call.execute();
        assertEquals("(7,b)", call.getString(1));
      }
    }
  }

  @Test
  void aSetReturningFunctionGivesItsRowsAndItsFirstRowAsOutValues(TestSchema schema)
      throws SQLException {
    try (Connection connection = connect(schema, null)) {
      try (CallableStatement call = connection.prepareCall("{call count_to(?)}")) {
        call.setInt(1, 3);
        assertTrue(call.execute());
        ResultSet rows = call.getResultSet();
        int sum = 0;
        while (rows.next()) {
          sum += rows.getInt("square");
        }
        assertEquals(14, sum);
      }
      try (CallableStatement call = connection.prepareCall("{? = call count_to(?)}")) {
        call.registerOutParameter(1, Types.OTHER);
        call.setInt(2, 3);
        call.execute();
        assertEquals("(1,1)", call.getString(1));
      }
    }
  }

  @Test
  void aVoidFunctionRuns(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call touch(?)}")) {
      call.setInt(1, 41);
      call.execute();
      try (ResultSet rows =
          connection.createStatement().executeQuery("SELECT count(*) FROM touched WHERE v = 41")) {
        rows.next();
        assertEquals(1, rows.getInt(1));
      }
    }
  }

  @Test
  void anOverloadIsChosenByItsArgumentType(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call kind(?, ?)}")) {
      call.registerOutParameter(2, Types.VARCHAR);
      call.setInt(1, 3);
      call.execute();
      assertEquals("int", call.getString(2));
      call.setString(1, "x");
      call.execute();
      assertEquals("text:x", call.getString(2));
      // Both overloads put "name" second, so the name maps whichever runs.
      call.setString("x", "y");
      call.registerOutParameter("name", Types.VARCHAR);
      call.execute();
      assertEquals("text:y", call.getString("name"));
    }
  }

  @Test
  void functionOutParametersByName(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call describe_number(?, ?, ?, ?)}")) {
      call.registerOutParameter("label", Types.VARCHAR);
      call.registerOutParameter("odd", Types.BOOLEAN);
      call.registerOutParameter("doubled", Types.INTEGER);
      call.setInt("x", 4);
      call.execute();
      assertEquals(8, call.getInt("doubled"));
      assertEquals("n4", call.getString("label"));
      assertFalse(call.getBoolean("odd"));
      assertEquals(call.getInt(2), call.getInt("doubled"));
    }
    // Without ? for the OUT arguments, names map to the inputs only.
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call describe_number(?)}")) {
      call.setInt("x", 5);
      assertEquals(
          "42883",
          assertThrows(SQLException.class, () -> call.registerOutParameter("label", Types.VARCHAR))
              .getSQLState());
      assertTrue(call.execute());
      ResultSet row = call.getResultSet();
      assertTrue(row.next());
      assertEquals("n5", row.getString("label"));
    }
  }

  @Test
  void aProcedureThroughTheDefaultModeSaysWhichModeCallsIt(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call halve(?, ?)}")) {
      call.setInt(1, 9);
      call.registerOutParameter(1, Types.INTEGER);
      call.registerOutParameter(2, Types.INTEGER);
      SQLSyntaxErrorException error = assertThrows(SQLSyntaxErrorException.class, call::execute);
      assertEquals("42809", error.getSQLState());
      assertTrue(
          error.getMessage().contains("escapeSyntaxCallMode=callIfNoReturn"), error.getMessage());
      assertInstanceOf(dev.tusk.errors.TuskException.class, error.getCause());
      // The connection is still usable, and CALL without braces runs the procedure.
      try (CallableStatement plain = connection.prepareCall("CALL halve(?, ?)")) {
        plain.setInt(1, 9);
        plain.registerOutParameter(1, Types.INTEGER);
        plain.registerOutParameter(2, Types.INTEGER);
        plain.execute();
        assertEquals(4, plain.getInt(1));
        assertEquals(1, plain.getInt(2));
      }
    }
  }

  @Test
  void callModeRunsProceduresAndRefusesFunctions(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, "call")) {
      try (CallableStatement call = connection.prepareCall("{call halve(?, ?)}")) {
        call.setInt(1, 11);
        call.registerOutParameter(1, Types.INTEGER);
        call.registerOutParameter(2, Types.INTEGER);
        call.execute();
        assertEquals(5, call.getInt(1));
        assertEquals(1, call.getInt(2));
      }
      // A return value is the procedure's first argument, as pgjdbc sends it.
      try (CallableStatement call = connection.prepareCall("{? = call answer(?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, 0);
        call.execute();
        assertEquals(42, call.getInt(1));
      }
      try (CallableStatement call = connection.prepareCall("{call swap_in(?, ?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.registerOutParameter(2, Types.INTEGER);
        call.setInt(1, 10);
        SQLException error = assertThrows(SQLException.class, call::execute);
        assertEquals("42809", error.getSQLState());
        assertTrue(error.getMessage().contains("escapeSyntaxCallMode=select"), error.getMessage());
      }
      try (CallableStatement call = connection.prepareCall("{? = call add_up(?, ?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, 1);
        call.setInt(3, 2);
        // CALL add_up(NULL, 1, 2): no procedure takes three arguments (42883 from PostgreSQL 14).
        assertEquals("42883", assertThrows(SQLException.class, call::execute).getSQLState());
      }
    }
  }

  @Test
  void callIfNoReturnDecidesByTheReturnValue(TestSchema schema) throws SQLException {
    try (Connection connection = connect(schema, "callIfNoReturn")) {
      try (CallableStatement call = connection.prepareCall("{? = call add_up(?, ?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, 10);
        call.setInt(3, 20);
        call.execute();
        assertEquals(30, call.getInt(1));
      }
      try (CallableStatement call = connection.prepareCall("{call halve(?, ?)}")) {
        call.setInt(1, 4);
        call.registerOutParameter(1, Types.INTEGER);
        call.registerOutParameter(2, Types.INTEGER);
        call.execute();
        assertEquals(2, call.getInt(1));
        assertEquals(0, call.getInt(2));
      }
      try (CallableStatement call = connection.prepareCall("{call swap_in(?, ?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.registerOutParameter(2, Types.INTEGER);
        call.setInt(1, 10);
        assertEquals("42809", assertThrows(SQLException.class, call::execute).getSQLState());
      }
    }
  }

  @Test
  void wrongUsageIsExplained(TestSchema schema) throws SQLException {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("escapeSyntaxCallMode", "procedure");
    SQLException badMode =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection(JdbcTarget.URL, properties));
    assertEquals("08001", badMode.getSQLState());
    assertTrue(badMode.getMessage().contains("callIfNoReturn"), badMode.getMessage());
    try (Connection connection = connect(schema, null);
        CallableStatement call = connection.prepareCall("{call swap_in(?, ?)}")) {
      call.registerOutParameter(2, Types.INTEGER);
      // Parameter 1 is INOUT: it needs a value even when registered.
      assertEquals("07002", assertThrows(SQLException.class, call::execute).getSQLState());
      call.setInt(1, 3);
      assertEquals("HY010", assertThrows(SQLException.class, () -> call.getInt(2)).getSQLState());
      // Two OUT values come back but one parameter is registered: which is which is unknown.
      SQLException count = assertThrows(SQLException.class, call::execute);
      assertEquals("07001", count.getSQLState());
      assertTrue(count.getMessage().contains("register"), count.getMessage());
      call.registerOutParameter(1, Types.INTEGER);
      call.execute();
      assertEquals(3, call.getInt(2));
      assertEquals("HY000", assertThrows(SQLException.class, () -> call.getLong(3)).getSQLState());
    }
  }
}
