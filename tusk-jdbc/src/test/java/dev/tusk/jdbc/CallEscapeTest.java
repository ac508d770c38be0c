package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CallEscapeTest {

  @Test
  void readsBothEscapesAndLeavesOtherSqlAlone() {
    CallEscape value = CallEscape.parse(" { ? = call f(?, ?) } ");
    assertTrue(value.escaped());
    assertTrue(value.returnsValue());
    assertEquals("f(?, ?)", value.routine());
    CallEscape call = CallEscape.parse("{CALL p}");
    assertTrue(call.escaped());
    assertFalse(call.returnsValue());
    CallEscape plain = CallEscape.parse("CALL p(?)");
    assertFalse(plain.escaped());
    assertEquals("CALL p(?)", plain.asProcedure());
  }

  @Test
  void eachFormOfAFunction() {
    CallEscape call = CallEscape.parse("{call s.f(?, ?)}");
    assertEquals("SELECT * FROM s.f(?, ?) AS result", call.asFunctionRow());
    assertEquals("SELECT s.f(?, ?)", call.asFunctionValue());
    assertEquals("CALL s.f(?, ?)", call.asProcedure());
    assertEquals(0, call.functionShift());
    assertEquals("SELECT * FROM now() AS result", CallEscape.parse("{call now}").asFunctionRow());
  }

  @Test
  void aReturnValueIsTheFirstArgumentOfACall() {
    assertEquals("CALL p(?, ?, 1)", CallEscape.parse("{? = call p(?, 1)}").asProcedure());
    assertEquals("CALL p(?)", CallEscape.parse("{? = call p}").asProcedure());
    assertEquals("CALL p(?)", CallEscape.parse("{? = call p( )}").asProcedure());
    assertEquals(
        "CALL \"a(b\".\"c(\"(?, ?)",
        CallEscape.parse("{? = call \"a(b\".\"c(\"(?)}").asProcedure());
    assertEquals(1, CallEscape.parse("{? = call f(?)}").functionShift());
  }

  @Test
  void outOnlyPlaceholdersAreWrittenAsVoid() throws SQLException {
    JdbcSql sql = JdbcSql.translate("SELECT * FROM f(?, ?, '?', ?) AS result", n -> n == 2);
    assertEquals("SELECT * FROM f($1, $2::void, '?', $3) AS result", sql.sql());
    assertEquals(3, sql.parameterCount());
  }
}
