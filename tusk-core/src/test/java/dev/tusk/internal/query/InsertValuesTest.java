package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsertValuesTest {

  private static InsertValues recognize(String sql) {
    return InsertValues.recognize(PlaceholderParser.parse(sql));
  }

  private static String unnest(String sql) {
    InsertValues insert = recognize(sql);
    assertNotNull(insert, sql);
    return insert.unnestSql();
  }

  @Test
  void aPlainInsertBecomesAnInsertFromUnnest() {
    assertEquals(
        "INSERT INTO t (a, b) SELECT unnest($1), unnest($2)",
        unnest("INSERT INTO t (a, b) VALUES ($1, $2)"));
  }

  @Test
  void keywordsInAnyCaseAndNoSpaceBeforeValues() {
    assertEquals("insert into s.t(a) SELECT unnest($1)", unnest("insert into s.t(a)values($1)"));
  }

  @Test
  void withoutAColumnListTheValuesFillTheFirstColumns() {
    assertEquals(
        "INSERT INTO t SELECT unnest($1), unnest($2), unnest($3)",
        unnest("INSERT INTO t VALUES ($1, $2, $3)"));
  }

  @Test
  void quotedNamesCommentsAliasesAndOverridingAreKeptAsWritten() {
    String sql =
        "/* load */ INSERT INTO \"My Schema\".\"Values (a)\" AS v (\"from\", b) -- VALUES ($9)\n"
            + "OVERRIDING SYSTEM VALUE VALUES (/* first */ $1, $2);";
    assertEquals(
        "/* load */ INSERT INTO \"My Schema\".\"Values (a)\" AS v (\"from\", b) -- VALUES ($9)\n"
            + "OVERRIDING SYSTEM VALUE SELECT unnest($1), unnest($2) ;",
        unnest(sql));
  }

  @Test
  void placeholdersInAnyOrderMapToTheirPositions() {
    InsertValues insert = recognize("INSERT INTO t (a, b, c) VALUES ($3, $1, $2)");
    assertEquals(3, insert.columnCount());
    assertEquals(3, insert.parameterAt(0));
    assertEquals(1, insert.parameterAt(1));
    assertEquals(2, insert.parameterAt(2));
  }

  @Test
  void namedPlaceholdersAreNumberedFirst() {
    InsertValues insert = recognize("INSERT INTO t (a, b) VALUES (:b, :a)");
    assertEquals(1, insert.parameterAt(0));
    assertEquals(2, insert.parameterAt(1));
  }

  @Test
  void onConflictDoNothingIsKept() {
    assertEquals(
        "INSERT INTO t (a) SELECT unnest($1) ON CONFLICT DO NOTHING",
        unnest("INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING"));
    assertEquals(
        "INSERT INTO t (a) SELECT unnest($1) ON CONFLICT (lower(a), (b)) WHERE t.do > 0"
            + " AND \"do\" DO NOTHING",
        unnest(
            "INSERT INTO t (a) VALUES ($1) ON CONFLICT (lower(a), (b)) WHERE t.do > 0 AND \"do\""
                + " DO NOTHING"));
    assertEquals(
        "INSERT INTO t (a) SELECT unnest($1) on conflict on constraint t_pkey do nothing",
        unnest("INSERT INTO t (a) VALUES ($1) on conflict on constraint t_pkey do nothing"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // not the shape
        "SELECT $1",
        "UPDATE t SET a = $1",
        "WITH x AS (SELECT 1) INSERT INTO t (a) VALUES ($1)",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t (a) SELECT $1",
        "INSERT INTO t (a) VALUES ($1), ($2)",
        "INSERT t (a) VALUES ($1)",
        // values that are not lone placeholders
        "INSERT INTO t (a, b) VALUES ($1, now())",
        "INSERT INTO t (a, b) VALUES ($1, lower($2))",
        "INSERT INTO t (a) VALUES ($1::int)",
        "INSERT INTO t (a) VALUES (($1))",
        "INSERT INTO t (a, b) VALUES ($1, DEFAULT)",
        "INSERT INTO t (a, b) VALUES ($1, 'x')",
        "INSERT INTO t (a, b) VALUES ($1, -$2)",
        // a placeholder used twice, or elsewhere
        "INSERT INTO t (a, b) VALUES ($1, $1)",
        "INSERT INTO t (a, b) VALUES (:a, :a)",
        "INSERT INTO t (a) VALUES ($2)",
        "INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) WHERE a > $2 DO NOTHING",
        // column lists that do not match, or assign parts of a column
        "INSERT INTO t (a, b) VALUES ($1)",
        "INSERT INTO t (a) VALUES ($1, $2)",
        "INSERT INTO t (a[1], b) VALUES ($1, $2)",
        "INSERT INTO t (c.f, b) VALUES ($1, $2)",
        // refused clauses
        "INSERT INTO t (a) VALUES ($1) RETURNING id",
        "INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET a = excluded.a",
        "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a",
        "INSERT INTO t (a) VALUES ($1); INSERT INTO t (a) VALUES ($2)",
        "INSERT INTO t (a) VALUES ($1) ; SELECT 1",
        // unterminated text
        "INSERT INTO t (a) VALUES ($1) /* open",
        "INSERT INTO \"t (a) VALUES ($1)",
      })
  void otherStatementsAreRefused(String sql) {
    assertNull(recognize(sql), sql);
  }

  @Test
  void wordsInsideQuotesAndCommentsDoNotCount() {
    assertNull(recognize("INSERT INTO t (a) VALUES ($1) -- ; RETURNING\n RETURNING a"));
    assertNull(recognize("INSERT INTO t (a, b) VALUES ($1, $$ $2 $$)"));
    assertNull(recognize("INSERT INTO t (a, b) VALUES ($1, E'\\' $2')"));
    assertNotNull(recognize("INSERT INTO t (a) VALUES ($1) -- RETURNING a"));
    assertNotNull(recognize("INSERT INTO t (a) VALUES ($1) /* RETURNING a */"));
    assertEquals(
        "INSERT INTO t (a) SELECT unnest($1) ON CONFLICT ((a || $x$)$x$)) DO NOTHING",
        unnest("INSERT INTO t (a) VALUES ($1) ON CONFLICT ((a || $x$)$x$)) DO NOTHING"));
  }

  @Test
  void parametersOutsideValuesInQuotedTextAreNotPlaceholders() {
    assertEquals(
        "INSERT INTO \"t$2\" (\"$3\") SELECT unnest($1)",
        unnest("INSERT INTO \"t$2\" (\"$3\") VALUES ($1)"));
  }
}
