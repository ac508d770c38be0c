package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgRange;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Types the catalog introduces at run time without registration: a user-defined range over a
 * built-in subtype, and the hstore and citext extensions (when the server ships them), in both
 * result formats.
 */
@TuskTest
class ExtensionTypesTest {

  @Test
  void aUserRangeReadsAsAPgRangeOfItsSubtype(Connection conn) {
    conn.execute("CREATE TYPE floatrange AS RANGE (subtype = float8)");
    forEachFormat(
        conn,
        "SELECT '[1.5,2.5)'::floatrange, 'empty'::floatrange, '(,3]'::floatrange",
        args(),
        (format, row) -> {
          assertEquals(PgRange.closedOpen(1.5, 2.5), row.get(0), format.name());
          assertEquals(PgRange.empty(), row.get(1), format.name());
          assertEquals(new PgRange<>(null, 3.0, false, true, false), row.get(2), format.name());
          assertEquals("[1.5,2.5)", row.getString(0), format.name());
        });
  }

  @Test
  void hstoreReadsAsAMapKeepingNulls(Connection conn) {
    assumeTrue(available(conn, "hstore"), "the server has no hstore extension");
    conn.execute("CREATE EXTENSION IF NOT EXISTS hstore");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "1");
    expected.put("b", null);
    expected.put("quote\"d", "x,y");
    forEachFormat(
        conn,
        "SELECT 'a=>1, b=>NULL, \"quote\\\"d\"=>\"x,y\"'::hstore",
        args(),
        (format, row) -> assertEquals(expected, row.get(0), format.name()));
  }

  @Test
  void citextReadsAsAString(Connection conn) {
    assumeTrue(available(conn, "citext"), "the server has no citext extension");
    conn.execute("CREATE EXTENSION IF NOT EXISTS citext");
    forEachFormat(
        conn,
        "SELECT 'MiXeD'::citext, 'mixed'::citext = 'MIXED'::citext",
        args(),
        (format, row) -> {
          assertEquals("MiXeD", row.get(0), format.name());
          assertEquals(true, row.get(1), format.name());
        });
  }

  private static boolean available(Connection conn, String extension) {
    return conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = $1", extension)
            .fetchOne()
        != null;
  }
}
