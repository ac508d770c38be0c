package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderParserTest {

  /** Asserts that {@code sql} has no placeholder and is sent as written. */
  private static void assertNoPlaceholders(String sql) {
    ParsedSql parsed = PlaceholderParser.parse(sql);
    assertEquals(sql, parsed.sql());
    assertEquals(0, parsed.parameterCount(), sql);
    assertEquals(List.of(), parsed.parameterNames(), sql);
    assertFalse(parsed.isNamed(), sql);
  }

  private static void assertRewritten(String sql, String expected, String... names) {
    ParsedSql parsed = PlaceholderParser.parse(sql);
    assertEquals(expected, parsed.sql());
    assertEquals(List.of(names), parsed.parameterNames());
    assertEquals(names.length, parsed.parameterCount());
    assertTrue(parsed.isNamed());
  }

  private static ProgrammingError parseError(String sql) {
    return assertThrows(ProgrammingError.class, () -> PlaceholderParser.parse(sql));
  }

  @Test
  void positionalPlaceholdersAreKeptAndCountedByTheHighestNumber() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT $2, $1 + $3, $2");
    assertEquals("SELECT $2, $1 + $3, $2", parsed.sql());
    assertEquals(3, parsed.parameterCount());
    assertFalse(parsed.isNamed());
    assertEquals(List.of(), parsed.parameterNames());
  }

  @Test
  void gapsInPositionalNumbersStillCountUpToTheHighest() {
    assertEquals(7, PlaceholderParser.parse("SELECT $7").parameterCount());
  }

  @Test
  void positionalPlaceholdersNeedNoSpaceAround() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT ($1+$2)*$3,$4;");
    assertEquals(4, parsed.parameterCount());
  }

  @Test
  void theHighestAllowedNumberIsAccepted() {
    assertEquals(65535, PlaceholderParser.parse("SELECT $65535").parameterCount());
    assertEquals(1, PlaceholderParser.parse("SELECT $0001").parameterCount());
  }

  @Test
  void namedPlaceholdersAreNumberedInOrderOfFirstAppearance() {
    assertRewritten(
        "SELECT * FROM t WHERE b = :beta AND a = :alpha OR b < :beta",
        "SELECT * FROM t WHERE b = $1 AND a = $2 OR b < $1",
        "beta",
        "alpha");
  }

  @Test
  void namesMayHoldDigitsUnderscoresDollarsAndNonAsciiLetters() {
    assertRewritten(
        "VALUES (:_a1, :b$2, :prénom, :x_)",
        "VALUES ($1, $2, $3, $4)",
        "_a1",
        "b$2",
        "prénom",
        "x_");
  }

  @Test
  void namesAreCaseSensitive() {
    assertRewritten("SELECT :id, :ID, :id", "SELECT $1, $2, $1", "id", "ID");
  }

  @Test
  void namedPlaceholdersNeedNoSpaceAround() {
    assertRewritten("SELECT(:a+:b)*:c,:a", "SELECT($1+$2)*$3,$1", "a", "b", "c");
    assertRewritten("SELECT :a", "SELECT $1", "a");
    assertRewritten(":a", "$1", "a");
  }

  @Test
  void placeholdersRightAfterQuotedTextAreFound() {
    assertRewritten(
        "SELECT 'x':a, \"c\":b, $q$z$q$:c", "SELECT 'x'$1, \"c\"$2, $q$z$q$$3", "a", "b", "c");
    assertEquals(2, PlaceholderParser.parse("SELECT 'x'$1, $a$z$a$$2").parameterCount());
  }

  @Test
  void placeholdersRightAfterCommentsAreFound() {
    assertRewritten("SELECT x/* c */:a, -- c\n:b", "SELECT x/* c */$1, -- c\n$2", "a", "b");
    assertEquals(1, PlaceholderParser.parse("SELECT x/**/$1").parameterCount());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT ':a $1'",
        "SELECT 'it''s :a $1'",
        "SELECT 'a' 'b :c'",
        "SELECT U&':a $1 \\0061'",
        "SELECT B'1:a', X'1F:a', N':a $1'",
        "SELECT E':a $1'",
        "SELECT E'\\' :a $1'",
        "SELECT e'\\\\\\' :a $1'",
        "SELECT E'it''s :a'",
        "SELECT $$ :a $1 $$",
        "SELECT $tag$ :a $1 $$ 'x $tag$",
        "SELECT $a$ :x $1 $a$",
        "SELECT $a$ $b$ :x $b$ $ab$ $1 $a$",
        "SELECT $_t9$ :x $_t9$",
        "SELECT $ünï$ :x $ünï$",
        "SELECT \":a $1\"",
        "SELECT \"a\"\":b $1\"",
        "SELECT U&\":a\"",
        "SELECT 1 -- :a $1",
        "SELECT 1 -- :a $1\n",
        "SELECT 1 /* :a $1 */",
        "SELECT 1 /* outer /* inner :a */ still :b $1 */",
        "SELECT 1 /* /* /* :a */ */ :b */",
        "SELECT 1 /** :a **/",
        "SELECT 1 /*/ :a */",
      })
  void placeholdersInsideQuotesAndCommentsAreIgnored(String sql) {
    assertNoPlaceholders(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT x::text",
        "SELECT x::text[]",
        "SELECT x ::text",
        "SELECT x:: text",
        "SELECT ':a'::json",
        "SELECT $$x$$::text",
        "SELECT arr[1:n] FROM t",
        "SELECT arr[i:j] FROM t",
        "SELECT arr[1:2][3:n] FROM t",
        "SELECT arr[lo$:hi]",
        "SELECT arr[1:2]:n",
        "SELECT x:::y",
        "SELECT f(a := 1)",
        "SELECT f(a => 1)",
        "SELECT 1:2",
        "SELECT : a",
        "SELECT :1",
        "SELECT :",
      })
  void castsSlicesAndOtherColonsAreNotPlaceholders(String sql) {
    assertNoPlaceholders(sql);
  }

  @Test
  void aColonAfterWhitespaceOrABracketStartsAPlaceholder() {
    assertRewritten("SELECT arr[:i], arr[1: :n]", "SELECT arr[$1], arr[1: $2]", "i", "n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT a$1", "SELECT a$1$", "SELECT ab$$1", "SELECT é$1", "SELECT _$1"})
  void aDollarInsideAnIdentifierIsNotAPlaceholder(String sql) {
    assertNoPlaceholders(sql);
  }

  @Test
  void aDollarInsideAnIdentifierDoesNotStartADollarQuote() {
    assertRewritten(
        "SELECT a$b$ :x FROM t$$ WHERE :y", "SELECT a$b$ $1 FROM t$$ WHERE $2", "x", "y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT $ + :a", "SELECT $a :a", "SELECT $a b$ :a"})
  void aDollarThatOpensNoQuoteIsAnOrdinaryCharacter(String sql) {
    assertEquals(List.of("a"), PlaceholderParser.parse(sql).parameterNames());
  }

  @Test
  void aDollarQuoteClosesOnlyOnItsOwnTag() {
    assertRewritten("SELECT $a$ $A$ $a $ab$ $a$ :x", "SELECT $a$ $A$ $a $ab$ $a$ $1", "x");
    assertRewritten("SELECT $$ $a$ $$ :x", "SELECT $$ $a$ $$ $1", "x");
  }

  @Test
  void anEscapeStringStartsOnlyWithAStandaloneE() {
    // In "me'...'" the e ends an identifier, so the quote opens a standard string where \ is plain.
    assertRewritten("SELECT me'\\' :a", "SELECT me'\\' $1", "a");
    assertRewritten("SELECT E'\\\\' :a", "SELECT E'\\\\' $1", "a");
    assertRewritten("SELECT (E'x'):a", "SELECT (E'x')$1", "a");
  }

  @Test
  void anEscapeStringContinuedOnANewLineKeepsItsBackslashEscapes() {
    assertNoPlaceholders("SELECT E'a'\n'\\' :x'");
    assertNoPlaceholders("SELECT E'a'  -- note\n  \r\n\t'\\' :x'");
    // Without a newline between them the second quote starts a standard string, where \ is plain.
    assertRewritten("SELECT E'a' '\\' :x", "SELECT E'a' '\\' $1", "x");
    assertRewritten("SELECT E'a' /* c */\n'\\' :x", "SELECT E'a' /* c */\n'\\' $1", "x");
  }

  @Test
  void blockCommentsNest() {
    assertRewritten("/* a /* b */ :no */ SELECT :yes", "/* a /* b */ :no */ SELECT $1", "yes");
  }

  @Test
  void aLineCommentEndsAtACarriageReturnToo() {
    assertRewritten("SELECT 1 -- :no\r:yes", "SELECT 1 -- :no\r$1", "yes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 'unterminated :a $1",
        "SELECT E'unterminated \\",
        "SELECT E'unterminated \\' :a",
        "SELECT E'a'\n",
        "SELECT \"unterminated :a",
        "SELECT $$ unterminated :a $1",
        "SELECT $t$ unterminated $t :a",
        "SELECT 1 /* unterminated /* */ :a",
        "SELECT 1 /",
        "SELECT 1 -",
        "SELECT $",
        "SELECT E",
        "'",
        "",
      })
  void unterminatedQuotesAndCommentsAreLeftForTheServer(String sql) {
    assertNoPlaceholders(sql);
  }

  @Test
  void placeholdersBeforeAnUnterminatedQuoteAreStillFound() {
    assertRewritten("SELECT :a, 'oops :b", "SELECT $1, 'oops :b", "a");
  }

  @Test
  void dollarZeroIsRejected() {
    assertEquals(
        "$0 is not a valid placeholder: placeholders are numbered from $1",
        parseError("SELECT $0").getMessage());
    assertEquals(
        "$00 is not a valid placeholder: placeholders are numbered from $1",
        parseError("SELECT $00").getMessage());
  }

  @Test
  void numbersAboveTheProtocolLimitAreRejected() {
    assertEquals(
        "placeholder $65536 is out of range: PostgreSQL accepts at most $65535",
        parseError("SELECT $65536").getMessage());
    assertEquals(
        "placeholder $99999999999999999999 is out of range: PostgreSQL accepts at most $65535",
        parseError("SELECT $99999999999999999999").getMessage());
  }

  @Test
  void mixingStylesIsRejectedWhicheverComesFirst() {
    assertEquals(
        "the statement mixes positional ($1) and named (:b) placeholders; use one style",
        parseError("SELECT $1, :b").getMessage());
    assertEquals(
        "the statement mixes positional ($2) and named (:a) placeholders; use one style",
        parseError("SELECT :a, $2").getMessage());
  }

  @Test
  void mixingStylesAcrossStatementsIsRejectedToo() {
    assertThrows(ProgrammingError.class, () -> PlaceholderParser.parse("SELECT $1; SELECT :a"));
  }

  @Test
  void mixingIsNotSeenInsideQuotes() {
    assertEquals(1, PlaceholderParser.parse("SELECT $1, ':a'").parameterCount());
    assertEquals(List.of("a"), PlaceholderParser.parse("SELECT :a, '$1', $$$0$$").parameterNames());
  }

  @Test
  void moreThan65535DistinctNamesAreRejected() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i <= 65535; i++) {
      sql.append(":p").append(i).append(',');
    }
    ProgrammingError error = parseError(sql.toString());
    assertEquals(
        "the statement uses more than 65535 distinct named parameters, the protocol's limit",
        error.getMessage());
  }

  @Test
  void exactly65535DistinctNamesAreAccepted() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 65535; i++) {
      sql.append(":p").append(i).append(',');
    }
    ParsedSql parsed = PlaceholderParser.parse(sql.toString());
    assertEquals(65535, parsed.parameterCount());
    assertTrue(parsed.sql().endsWith(",$65535,"));
  }

  @Test
  void nullSqlIsRejected() {
    assertThrows(NullPointerException.class, () -> PlaceholderParser.parse(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "SELECT 1;",
        "SELECT 1;  \n",
        "SELECT 1; -- done",
        "SELECT 1; /* done */ ",
        "SELECT 1;;",
        ";SELECT 1",
        "; ;",
        "",
        "SELECT ';' AS a, \";\" AS b, $$;$$ AS c -- ; SELECT 2\n",
        "SELECT 1 /* ; SELECT 2 */",
      })
  void oneStatementIsNotMultiple(String sql) {
    assertFalse(PlaceholderParser.parse(sql).hasMultipleStatements(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1; SELECT 2",
        "SELECT 1;SELECT 2;",
        "SELECT 1; -- a\n SELECT 2",
        "SELECT 1; /* a */ x",
        "SELECT 1;;;'x'",
        "SELECT 1; $$x$$",
        "SELECT 1; \"x\"",
      })
  void twoStatementsAreMultiple(String sql) {
    assertTrue(PlaceholderParser.parse(sql).hasMultipleStatements(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COPY t FROM STDIN",
        "copy t (a, b) from stdin with (format csv)",
        "  /* load */ Copy \"T\" FROM stdin;",
        "SELECT 1; COPY t FROM STDIN",
      })
  void copyFromStdinIsRecognised(String sql) {
    assertTrue(PlaceholderParser.parse(sql).copiesFromStdin(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COPY t TO STDOUT",
        "COPY t FROM '/tmp/stdin'",
        "SELECT 'COPY t FROM STDIN'",
        "SELECT stdin FROM copy",
        "COPY t FROM '/data' ; SELECT stdin FROM t",
        "-- COPY t FROM STDIN\nSELECT 1",
        "COPY t FROM stdin_file",
      })
  void otherStatementsAreNotCopyFromStdin(String sql) {
    assertFalse(PlaceholderParser.parse(sql).copiesFromStdin(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "  select $1",
        "-- note\nINSERT INTO t VALUES (1)",
        "/* x */ update t set a = 1",
        "DELETE FROM t",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "VALUES (1)",
        "TABLE t",
        "MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE"
      })
  void plannedStatementsAreWorthPreparing(String sql) {
    assertTrue(PlaceholderParser.parse(sql).isPlannable(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t (a int)",
        "SET search_path = x",
        "BEGIN",
        "selected",
        "'SELECT'",
        "",
        "-- SELECT",
        "ALTER TABLE t ADD COLUMN b int"
      })
  void utilityStatementsAreNot(String sql) {
    assertFalse(PlaceholderParser.parse(sql).isPlannable(), sql);
  }
}
