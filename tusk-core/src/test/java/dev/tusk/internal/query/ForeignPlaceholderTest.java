package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JDBC's {@code ?} and psycopg's {@code %s}/{@code %(name)s}: noted by the parser, named in the
 * error only when the parameters given do not match, so SQL using {@code ?} or {@code %} as
 * operators still runs.
 */
class ForeignPlaceholderTest {

  private static String countError(String sql, int given) {
    ParsedSql parsed = PlaceholderParser.parse(sql);
    return assertThrows(ProgrammingError.class, () -> parsed.checkCount(given)).getMessage();
  }

  @Test
  void aJdbcPlaceholderIsNamedWithTheFix() {
    String message = countError("SELECT * FROM pets WHERE id = ? AND name = ?", 2);
    assertEquals(
        "the statement has no placeholders but 2 parameters were given; Tusk does not read"
            + " JDBC's ? placeholders: write $1, $2, ... (or :name with a Map) where the values go",
        message);
  }

  @Test
  void aPsycopgPlaceholderIsNamedWithTheFix() {
    String message = countError("INSERT INTO pets VALUES (%s, %s)", 2);
    assertTrue(message.contains("psycopg's %s placeholders"), message);
    assertTrue(message.contains("$1, $2"), message);
  }

  @Test
  void aPsycopgNamedPlaceholderSuggestsTheColonName() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT * FROM pets WHERE name = %(name)s");
    assertEquals("%(name)s", parsed.foreignPlaceholder());
    String message =
        assertThrows(ProgrammingError.class, () -> parsed.bind(Map.of("name", "Tusk")))
            .getMessage();
    assertTrue(message.contains("psycopg's %(name)s placeholders: write :name"), message);
  }

  @Test
  void operatorsThatLookLikePlaceholdersStillRunWhenTheCountMatches() {
    // jsonb's ? with a real placeholder, and modulo: valid SQL, never refused.
    assertDoesNotThrow(
        () -> PlaceholderParser.parse("SELECT doc ? $1 FROM docs WHERE n % 2 = 0").checkCount(1));
    assertDoesNotThrow(() -> PlaceholderParser.parse("SELECT '{}'::jsonb ? 'k'").checkCount(0));
    assertEquals("?", PlaceholderParser.parse("SELECT doc ? $1 FROM docs").foreignPlaceholder());
  }

  @Test
  void jsonbAndGeometricOperatorsAreNotPlaceholders() {
    assertNull(PlaceholderParser.parse("SELECT doc ?| array['a'], doc ?& $1").foreignPlaceholder());
    assertNull(PlaceholderParser.parse("SELECT a ?-| b, a ?# b, a ?- b").foreignPlaceholder());
    assertNull(PlaceholderParser.parse("SELECT n % sum FROM t").foreignPlaceholder());
  }

  @Test
  void quotedAndCommentedLookalikesAreIgnored() {
    ParsedSql parsed =
        PlaceholderParser.parse("SELECT '?', \"%s\", $$?$$ -- ?\n /* %s */ FROM t WHERE a = $1");
    assertNull(parsed.foreignPlaceholder());
    String message = assertThrows(ProgrammingError.class, () -> parsed.checkCount(2)).getMessage();
    assertFalse(message.contains("Tusk does not read"), message);
  }

  @Test
  void aMismatchWithoutLookalikesKeepsItsPlainMessage() {
    assertEquals(
        "the statement has 1 placeholder ($1) but 2 parameters were given",
        countError("SELECT $1", 2));
  }
}
