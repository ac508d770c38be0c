package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class JdbcSqlTest {

  private static String pg(String jdbc) throws SQLException {
    return JdbcSql.translate(jdbc).sql();
  }

  @Test
  void placeholdersBecomeNumbered() throws SQLException {
    JdbcSql sql = JdbcSql.translate("SELECT * FROM t WHERE a = ? AND b IN (?, ?)");
    assertEquals("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)", sql.sql());
    assertEquals(3, sql.parameterCount());
  }

  @Test
  void questionMarksInQuotesAndCommentsStay() throws SQLException {
    assertEquals(
        "SELECT '?', \"a?\", $1 -- ?\n/* ? /* ? */ ? */ , E'\\'?', $2",
        pg("SELECT '?', \"a?\", ? -- ?\n/* ? /* ? */ ? */ , E'\\'?', ?"));
  }

  @Test
  void dollarQuotedBodiesStay() throws SQLException {
    String body =
        "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1 WHERE '?' = ? $fn$ LANGUAGE sql";
    assertEquals(body, pg(body));
    assertEquals("DO $$ BEGIN PERFORM '?'; END $$", pg("DO $$ BEGIN PERFORM '?'; END $$"));
  }

  @Test
  void positionalDollarParametersAreNotDollarQuotes() throws SQLException {
    // Written by the caller, $n stays as it is, and a tag never starts with a digit.
    assertEquals("SELECT $1, $2 || $$?$$", pg("SELECT $1, $2 || $$?$$"));
  }

  @Test
  void doubledQuestionMarkIsTheJsonbOperator() throws SQLException {
    JdbcSql sql = JdbcSql.translate("SELECT j ?? 'k', j ??| ?, j ??& array['a'] FROM t");
    assertEquals("SELECT j ? 'k', j ?| $1, j ?& array['a'] FROM t", sql.sql());
    assertEquals(1, sql.parameterCount());
  }

  @Test
  void dateTimeEscapes() throws SQLException {
    assertEquals(
        "SELECT DATE '2024-01-02', TIME '10:11:12', TIMESTAMP '2024-01-02 10:11:12'",
        pg("SELECT {d '2024-01-02'}, {t '10:11:12'}, {ts '2024-01-02 10:11:12'}"));
  }

  @Test
  void functionEscapesNestAndRename() throws SQLException {
    assertEquals(
        "SELECT upper(lower($1)), coalesce(a, 0), current_date, abs(-1)",
        pg("SELECT {fn ucase({fn lcase(?)})}, {fn ifnull(a, 0)}, {fn curdate()}, {fn abs(-1)}"));
  }

  @Test
  void callOuterJoinEscapeAndLimit() throws SQLException {
    assertEquals("SELECT * FROM f($1, 2) AS result", pg("{call f(?, 2)}"));
    assertEquals(
        "SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id",
        pg("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}"));
    assertEquals("SELECT * FROM t LIMIT 5", pg("SELECT * FROM t {limit 5}"));
    assertEquals("WHERE a LIKE '\\_%' ESCAPE '\\'", pg("WHERE a LIKE '\\_%' {escape '\\'}"));
  }

  @Test
  void bracesThatAreNoEscapeStay() throws SQLException {
    assertEquals("SELECT '{1,2}'::int[], {x $1}", pg("SELECT '{1,2}'::int[], {x ?}"));
  }

  @Test
  void unclosedEscapeIsASyntaxError() {
    SQLSyntaxErrorException e =
        assertThrows(SQLSyntaxErrorException.class, () -> pg("SELECT {fn ucase('a')"));
    assertEquals("42601", e.getSQLState());
  }

  @Test
  void callWithOutParameterIsRefusedClearly() {
    SQLException e = assertThrows(SQLException.class, () -> pg("{? = call f(?)}"));
    assertEquals("0A000", e.getSQLState());
  }

  @Test
  void firstKeywordSkipsCommentsAndSpace() throws SQLException {
    assertEquals(
        "insert", JdbcSql.translate("  /* c */ -- x\n INSERT INTO t VALUES (?)").firstKeyword());
  }

  @Test
  void severalStatementsAreToldApart() {
    assertTrue(Lexer.hasSeveralStatements("SELECT 1; SELECT 2"));
    assertFalse(Lexer.hasSeveralStatements("SELECT 1;"));
    assertFalse(Lexer.hasSeveralStatements("SELECT 1; -- done\n;; /* end */ "));
    assertFalse(Lexer.hasSeveralStatements("SELECT ';x', $$; y$$, \"a;b\""));
  }
}
