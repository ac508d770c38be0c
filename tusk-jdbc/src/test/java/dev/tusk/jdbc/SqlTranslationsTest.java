package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class SqlTranslationsTest {

  @Test
  void theSameTextGivesTheSameTranslationInstance() throws SQLException {
    SqlTranslations translations = new SqlTranslations();
    // A new String each time, as a caller building its SQL would pass: equal, not identical.
    String sql = new StringBuilder("SELECT * FROM t WHERE a = ? AND b = ?").toString();
    JdbcSql first = translations.translate(sql);
    JdbcSql again = translations.translate(new String(sql));
    assertSame(first, again);
    assertSame(first.sql(), again.sql(), "the same text finds Tusk's statement cache entry");
    assertEquals(JdbcSql.translate(sql), first);
    assertEquals(2, first.parameterCount());
  }

  @Test
  void distinctTextsAreTranslatedEach() throws SQLException {
    SqlTranslations translations = new SqlTranslations();
    assertEquals("SELECT $1", translations.translate("SELECT ?").sql());
    assertEquals(
        "SELECT DATE '2024-01-02'", translations.translate("SELECT {d '2024-01-02'}").sql());
    assertEquals(2, translations.size());
  }

  @Test
  void aTextThatDoesNotTranslateIsRefusedEveryTimeAndNotKept() {
    SqlTranslations translations = new SqlTranslations();
    assertThrows(SQLSyntaxErrorException.class, () -> translations.translate("SELECT {fn now()"));
    assertThrows(SQLSyntaxErrorException.class, () -> translations.translate("SELECT {fn now()"));
    assertEquals(0, translations.size());
  }

  @Test
  void theCacheStaysBounded() throws SQLException {
    SqlTranslations translations = new SqlTranslations();
    for (int i = 0; i < SqlTranslations.CAPACITY * 3; i++) {
      assertEquals("SELECT $1 + " + i, translations.translate("SELECT ? + " + i).sql());
      assertBounded(translations);
    }
  }

  @Test
  void aLongTextIsTranslatedButNotKept() throws SQLException {
    SqlTranslations translations = new SqlTranslations();
    String longSql = "SELECT ?" + " ".repeat(SqlTranslations.MAX_LENGTH);
    JdbcSql first = translations.translate(longSql);
    assertEquals("SELECT $1" + " ".repeat(SqlTranslations.MAX_LENGTH), first.sql());
    assertNotSame(first, translations.translate(longSql));
    assertEquals(0, translations.size());
  }

  private static void assertBounded(SqlTranslations translations) {
    int size = translations.size();
    if (size < 1 || size > SqlTranslations.CAPACITY) {
      throw new AssertionError("the cache holds " + size + " texts");
    }
  }
}
