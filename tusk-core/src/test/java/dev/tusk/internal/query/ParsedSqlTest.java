package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.ProgrammingError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedSqlTest {

  private static final ParsedSql NAMED =
      PlaceholderParser.parse("UPDATE t SET name = :name WHERE id = :id AND owner = :name");

  private static String bindError(ParsedSql parsed, Map<String, ?> params) {
    return assertThrows(ProgrammingError.class, () -> parsed.bind(params)).getMessage();
  }

  private static String countError(String sql, int given) {
    ParsedSql parsed = PlaceholderParser.parse(sql);
    return assertThrows(ProgrammingError.class, () -> parsed.checkCount(given)).getMessage();
  }

  @Test
  void bindOrdersTheValuesByPlaceholderNumber() {
    assertArrayEquals(new Object[] {"ann", 7}, NAMED.bind(Map.of("id", 7, "name", "ann")));
  }

  @Test
  void bindPassesNullValuesThrough() {
    Map<String, Object> params = new HashMap<>();
    params.put("id", null);
    params.put("name", "ann");
    assertArrayEquals(new Object[] {"ann", null}, NAMED.bind(params));
  }

  @Test
  void bindNamesTheMissingParameterAndListsTheStatementsNames() {
    assertEquals(
        "no value for :id (the statement uses :name, :id)", bindError(NAMED, Map.of("name", "x")));
    assertEquals(
        "no values for :name, :id (the statement uses :name, :id)", bindError(NAMED, Map.of()));
  }

  @Test
  void bindNamesUnexpectedKeysInSortedOrder() {
    Map<String, Object> params = new HashMap<>();
    params.put("id", 1);
    params.put("name", "x");
    params.put("zeta", 2);
    params.put("alpha", 3);
    assertEquals(
        "unexpected parameters :alpha, :zeta (the statement uses :name, :id)",
        bindError(NAMED, params));
    assertEquals(
        "unexpected parameter :nmae (the statement uses :name, :id)",
        bindError(NAMED, Map.of("id", 1, "name", "x", "nmae", "y")));
  }

  @Test
  void bindReportsATypoAsBothMissingAndUnexpected() {
    assertEquals(
        "no value for :name; unexpected parameter :nmae (the statement uses :name, :id)",
        bindError(NAMED, Map.of("id", 1, "nmae", "x")));
  }

  @Test
  void bindReportsANullKeyAsUnexpected() {
    Map<String, Object> params = new HashMap<>();
    params.put("id", 1);
    params.put("name", "x");
    params.put(null, 2);
    assertEquals(
        "unexpected parameter :null (the statement uses :name, :id)", bindError(NAMED, params));
  }

  @Test
  void bindWithoutPlaceholdersAcceptsOnlyAnEmptyMap() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT 1");
    assertArrayEquals(new Object[0], parsed.bind(Map.of()));
    assertEquals(
        "unexpected parameter :x (the statement has no placeholders)",
        bindError(parsed, Map.of("x", 1)));
  }

  @Test
  void bindRejectsPositionalStatements() {
    String jsonFix = " (a Map meant as one json value: execute(sql, (Object) map))";
    assertEquals(
        "the statement uses positional placeholders ($1..$2); pass the values in order, not by"
            + " name"
            + jsonFix,
        bindError(PlaceholderParser.parse("SELECT $1, $2"), Map.of()));
    assertEquals(
        "the statement uses positional placeholders ($1); pass the values in order, not by name"
            + jsonFix,
        bindError(PlaceholderParser.parse("SELECT $1"), Map.of("1", 1)));
  }

  @Test
  void bindRejectsANullMap() {
    assertThrows(NullPointerException.class, () -> NAMED.bind(null));
  }

  @Test
  void checkCountAcceptsTheRightCount() {
    assertDoesNotThrow(() -> PlaceholderParser.parse("SELECT $1, $3").checkCount(3));
    assertDoesNotThrow(() -> NAMED.checkCount(2));
    assertDoesNotThrow(() -> PlaceholderParser.parse("SELECT 1").checkCount(0));
  }

  @Test
  void checkCountExplainsAWrongCount() {
    assertEquals(
        "the statement has 3 placeholders ($1..$3) but 2 parameters were given",
        countError("SELECT $3, $1, $2", 2));
    assertEquals(
        "the statement has 2 placeholders (:a, :b) but 3 parameters were given",
        countError("SELECT :a, :b, :a", 3));
    assertEquals(
        "the statement has 1 placeholder ($1) but 0 parameters were given",
        countError("SELECT $1", 0));
    assertEquals(
        "the statement has no placeholders but 1 parameter was given", countError("SELECT 1", 1));
  }

  @Test
  void theNamesListIsImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> NAMED.parameterNames().add("x"));
    assertEquals(List.of("name", "id"), NAMED.parameterNames());
  }
}
