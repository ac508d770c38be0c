package dev.tusk.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.sql.Literal;
import dev.tusk.sql.SQL;
import dev.tusk.testing.PostgresServer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * For arbitrary strings (any Unicode scalar value but NUL, with quotes, backslashes, dollar quotes,
 * comment openers and line breaks mixed in), the server reads back exactly the value sent, through
 * client binding and through a composed Literal, with standard_conforming_strings on and off.
 */
class ClientBindingPropertiesTest {

  private static final List<String> NASTY =
      List.of(
          "'", "''", "\\", "\\'", "$$", "$a$", "--", "/*", "*/", "\n", "\r", ";", "E'", "U&'", "\"",
          ":a", "$1", "?");

  private Connection standard;
  private Connection nonStandard;

  @BeforeProperty
  void connect() {
    standard = Tusk.connect(PostgresServer.get().conninfo());
    nonStandard = Tusk.connect(PostgresServer.get().conninfo());
    nonStandard.execute("SET standard_conforming_strings = off");
    nonStandard.execute("SET escape_string_warning = off");
  }

  @AfterProperty
  void close() {
    standard.close();
    nonStandard.close();
  }

  @Property(tries = 300)
  void theServerReadsBackExactlyTheValueSent(@ForAll("strings") String value) {
    for (Connection conn : List.of(standard, nonStandard)) {
      Row row =
          conn.clientCursor()
              .execute("SELECT $1, octet_length($1), $2 -- $1", value, value.length())
              .fetchOne();
      assertEquals(value, row.getString(0));
      assertEquals(value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, row.getInt(1));
      assertEquals(value.length(), row.getInt(2));
      Row composed =
          conn.execute(SQL.of("SELECT {}, {}").format(Literal.of(value), Literal.of(value)))
              .fetchOne();
      assertEquals(value, composed.getString(0));
      assertEquals(value, composed.getString(1));
    }
  }

  @Provide
  Arbitrary<String> strings() {
    return SqlStrings.mixing(NASTY, 0, 30);
  }
}
