package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Param;
import dev.tusk.types.PgArray;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-dimensional arrays as parameters ({@code int[][]}, nested Lists, {@code Param.of} with an
 * array type) and lower bounds kept both ways through {@link PgArray}.
 */
@TuskTest
class MultiDimensionalArrayParameterTest {

  @Test
  void nestedArraysAndListsAreSentWithTheirDimensions(Connection conn) {
    List<List<Integer>> grid = List.of(List.of(1, 2, 3), List.of(4, 5, 6));
    assertBothFormats(
        conn,
        "SELECT $1::text",
        args((Object) new int[][] {{1, 2, 3}, {4, 5, 6}}),
        "{{1,2,3},{4,5,6}}");
    assertBothFormats(conn, "SELECT $1", args((Object) new int[][] {{1, 2, 3}, {4, 5, 6}}), grid);
    assertBothFormats(conn, "SELECT $1", args(grid), grid);
    List<List<String>> texts = List.of(List.of("a", "b"), Arrays.asList(null, "d e"));
    assertBothFormats(
        conn, "SELECT $1", args((Object) new String[][] {{"a", "b"}, {null, "d e"}}), texts);
    assertBothFormats(conn, "SELECT $1::int[]", args(Param.of(grid, "int4[]")), grid);
    assertBothFormats(conn, "SELECT array_ndims($1)", args(List.of(List.of(List.of(1L)))), 3);
  }

  @Test
  void lowerBoundsGoBothWays(Connection conn) {
    PgArray zeroBased = PgArray.of(List.of(1, 2, 3), 0);
    Row row =
        BothFormats.run(
                conn,
                "SELECT $1, $1::text, array_lower($1, 1), $2::text, $3::text",
                args(
                    zeroBased,
                    PgArray.of(List.of(List.of("x"), List.of("y")), 2, -1),
                    Param.of(PgArray.of(List.of(1L, 2L, 3L), 0), "int8[]")))
            .binary();
    PgArray back = assertInstanceOf(PgArray.class, row.get(0));
    assertArrayEquals(new int[] {0}, back.lowerBounds());
    assertEquals(List.of(1, 2, 3), back);
    assertEquals("[0:2]={1,2,3}", row.get(1));
    assertEquals(0, row.get(2));
    assertEquals("[2:3][-1:-1]={{x},{y}}", row.get(3));
    assertEquals("[0:2]={1,2,3}", row.get(4));
  }

  @Test
  void raggedArraysAreADataErrorAndTheConnectionStaysUsable(Connection conn) {
    DataError ragged =
        assertThrows(
            DataError.class, () -> conn.execute("SELECT $1", (Object) new int[][] {{1, 2}, {3}}));
    assertTrue(ragged.getMessage().contains("matching sizes"), ragged.getMessage());
    assertThrows(DataError.class, () -> conn.execute("SELECT $1", List.of(List.of(1), 2)));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }
}
