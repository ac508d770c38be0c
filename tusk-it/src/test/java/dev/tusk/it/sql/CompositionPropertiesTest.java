package dev.tusk.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.Literal;
import dev.tusk.sql.SQL;
import dev.tusk.testing.PostgresServer;
import dev.tusk.types.Param;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Injection attempts through each composition path with arbitrary text: an identifier names exactly
 * the column it was given, and array elements and typed values read back unchanged.
 */
class CompositionPropertiesTest {

  private static final List<String> NASTY =
      List.of("\"", "\"\"", "'", "\\", "$$", "--", "/*", "*/", "\n", ";", ".", " ", "U&\"");

  /** PostgreSQL truncates names longer than NAMEDATALEN - 1 bytes. */
  private static final int MAX_NAME_BYTES = 63;

  private Connection conn;

  @BeforeProperty
  void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
  }

  @AfterProperty
  void close() {
    conn.close();
  }

  @Property(tries = 200)
  void anIdentifierNamesExactlyItsColumn(@ForAll("names") String name) {
    Cursor<Row> cursor =
        conn.execute(SQL.of("SELECT 1 AS {}, {}").format(Identifier.of(name), Literal.of(name)));
    assertEquals(name, cursor.description().get(0).name());
    assertEquals(name, cursor.fetchOne().getString(1));
  }

  @Property(tries = 100)
  void arraysAndTypedValuesReadBackUnchanged(
      @ForAll("names") String first, @ForAll("names") String second) {
    Row row =
        conn.execute(
                SQL.of("SELECT {}, {}, {}")
                    .format(
                        Literal.of(List.of(first, second)),
                        Literal.of(Param.of(first, "text")),
                        Literal.of(Param.of(List.of(second), "text[]"))))
            .fetchOne();
    assertEquals(List.of(first, second), List.of((Object[]) row.get(0, String[].class)));
    assertEquals(first, row.getString(1));
    assertEquals(List.of(second), List.of((Object[]) row.get(2, String[].class)));
  }

  @Provide
  Arbitrary<String> names() {
    return SqlStrings.mixing(NASTY, 1, 12)
        .filter(name -> name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES);
  }
}
