package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Json;
import dev.tusk.types.Param;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * json and jsonb without a JsonMapper: they read as Map, List, String, Number, Boolean (psycopg's
 * dict), a Map parameter is sent as jsonb, and getString keeps the server's text, in both formats.
 */
@TuskTest
class NaturalJsonTest {

  @Test
  void jsonReadsAsNaturalValuesInBothFormats(Connection conn) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", 1);
    expected.put("b", Arrays.asList("x", new BigDecimal("2.5"), true, null));
    expected.put("c", Map.of("d", false));
    for (String type : List.of("jsonb", "json")) {
      String literal = "'{\"a\": 1, \"b\": [\"x\", 2.5, true, null], \"c\": {\"d\": false}}'";
      String sql = "SELECT " + literal + "::" + type + ", (" + literal + "::" + type + ")::text";
      forEachFormat(
          conn,
          sql,
          args(),
          (format, row) -> {
            assertEquals(expected, row.get(0), format + " " + type);
            assertEquals(expected, row.get(0, Map.class), format + " " + type);
            assertEquals(row.getString(1), row.getString(0), format + " " + type);
            assertEquals(Json.of(row.getString(1)), row.get(0, Json.class));
            DataError notAList =
                assertThrows(DataError.class, () -> row.get(0, List.class), format.toString());
            assertTrue(notAList.getMessage().contains("java.util.List"), notAList.getMessage());
          });
    }
    forEachFormat(
        conn,
        "SELECT '[1, \"two\"]'::jsonb, '\"s\"'::jsonb, '7'::json, 'null'::jsonb,"
            + " ARRAY['{\"k\": [1]}'::jsonb, '{}']",
        args(),
        (format, row) -> {
          assertEquals(List.of(1, "two"), row.get(0));
          assertEquals("s", row.get(1));
          assertEquals(7, row.get(2));
          assertEquals(null, row.get(3));
          assertEquals(false, row.isNull(3));
          assertEquals("null", row.getString(3));
          assertEquals(List.of(Map.of("k", List.of(1)), Map.of()), row.get(4));
          assertEquals("{\"{\\\"k\\\": [1]}\",\"{}\"}", row.getString(4), format.toString());
        });
  }

  @Test
  void mapsAndListsAreSentAsJsonb(Connection conn) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "Tusk \"the\" elephant");
    document.put("tags", List.of("a", "b"));
    document.put("age", 3);
    document.put("nested", Map.of("ok", true));
    Row row =
        conn.execute(
                "SELECT pg_typeof($1)::text, $1 -> 'tags' ->> 1, $1, $2::jsonb, $3::jsonb",
                (Object) document,
                Param.of(List.of(1, Map.of("x", 2)), "jsonb"),
                Param.json(List.of("p", 1)))
            .fetchOne();
    assertEquals("jsonb", row.get(0));
    assertEquals("b", row.get(1));
    assertEquals(document, row.get(2));
    assertEquals(List.of(1, Map.of("x", 2)), row.get(3));
    assertEquals(List.of("p", 1), row.get(4));
    Row array = conn.execute("SELECT pg_typeof($1)::text, $1", List.of(Map.of("i", 1))).fetchOne();
    assertEquals("jsonb[]", array.get(0));
    assertEquals(List.of(Map.of("i", 1)), array.get(1));
    try (Cursor<Map<String, Object>> cursor =
        conn.cursor(RowFactories.map()).execute("SELECT $1 AS doc", (Object) document)) {
      assertEquals(document, cursor.fetchOne().get("doc"));
    }
  }
}
