package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Param;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The varargs trap: a lone String[] or Integer[] given to {@code execute(sql, Object...)} is the
 * parameter list itself. {@code Param.array} sends it as one array, and the count mismatch names
 * that fix; the connection stays usable.
 */
@TuskTest
class ArrayParameterTrapTest {

  @Test
  void aLoneTypedArraySpreadsAndTheErrorNamesParamArray(Connection conn) {
    String[] names = {"a", "b", "c"};
    ProgrammingError spread =
        assertThrows(
            ProgrammingError.class, () -> conn.execute("SELECT $1::text[]", (Object[]) names));
    assertTrue(spread.getMessage().contains("3 parameters were given"), spread.getMessage());
    assertTrue(spread.getMessage().contains("String[] passed alone"), spread.getMessage());
    assertTrue(spread.getMessage().contains("Param.array(values)"), spread.getMessage());
    Integer[] ids = {1, 2};
    CompletionException async =
        assertThrows(
            CompletionException.class,
            () -> conn.async().execute("SELECT $1::int[]", (Object[]) ids).join());
    ProgrammingError integers = assertInstanceOf(ProgrammingError.class, async.getCause());
    assertTrue(integers.getMessage().contains("Integer[] passed alone"), integers.getMessage());
    ProgrammingError tooMany =
        assertThrows(ProgrammingError.class, () -> conn.execute("SELECT $1", 1, 2));
    assertTrue(tooMany.getMessage().contains("Param.array"), tooMany.getMessage());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void paramArraySendsOneArrayOfTheElementsType(Connection conn) {
    String[] names = {"a", null, "c"};
    Row row =
        conn.execute(
                "SELECT $1, pg_typeof($1)::text, 'c' = ANY($1), $2::int[]",
                Param.array(names),
                Param.array(new Integer[] {7}))
            .fetchOne();
    assertEquals(Arrays.asList("a", null, "c"), row.get(0));
    assertEquals("text[]", row.get(1));
    assertEquals(true, row.get(2));
    assertEquals(List.of(7), row.get(3));
  }
}
