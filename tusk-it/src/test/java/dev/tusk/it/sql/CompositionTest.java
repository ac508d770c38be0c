package dev.tusk.it.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Row;
import dev.tusk.pool.AsyncConnectionPool;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.sql.Composable;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.Literal;
import dev.tusk.sql.Placeholder;
import dev.tusk.sql.SQL;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Composed SQL against the server: odd identifiers create and find their objects, literals of each
 * kind read back as the value, and every execute that takes a String takes a Composable too.
 */
@TuskTest
class CompositionTest {

  private static final List<String> ODD_NAMES =
      List.of("Mixed Case", "select", "with \"quotes\"", "semi;colon -- dash", "ünï $$ /* c */");

  @Test
  void oddIdentifiersNameExactlyTheirObjects(Connection conn) {
    for (String name : ODD_NAMES) {
      conn.execute(
          SQL.of("CREATE TABLE {} ({} int)").format(Identifier.of(name), Identifier.of(name)));
      conn.execute(SQL.of("INSERT INTO {} VALUES ($1)").format(Identifier.of(name)), name.length());
      Row row =
          conn.execute(
                  SQL.of(
                          "SELECT {col}, (SELECT relname FROM pg_class WHERE oid = {name}::regclass)"
                              + " FROM {table}")
                      .format(
                          Map.of(
                              "col", Identifier.of(name),
                              "table", Identifier.of(name),
                              "name", Literal.of(Identifier.of(name).asString(conn)))))
              .fetchOne();
      assertEquals(name.length(), row.getInt(0));
      assertEquals(name, row.getString(1));
    }
  }

  @Test
  void dottedNamesReachOtherSchemas(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE dotted (n int)");
    conn.execute("INSERT INTO dotted VALUES (7)");
    Composable query = SQL.of("SELECT n FROM {}").format(Identifier.of(schema.name(), "dotted"));
    conn.execute("SET search_path TO pg_catalog");
    assertEquals(7, conn.execute(query).fetchOne().getInt(0));
  }

  @Test
  void literalsReadBackAsTheirValues(Connection conn) {
    UUID uuid = UUID.randomUUID();
    LocalDateTime local = LocalDateTime.of(2025, 1, 31, 23, 59, 58, 123_456_000);
    Instant instant = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Object> values =
        List.of(
            "it's a \\ back'slash",
            -5,
            Long.MIN_VALUE,
            new BigDecimal("-12.3400"),
            1.5e300,
            Double.NEGATIVE_INFINITY,
            true,
            uuid,
            LocalDate.of(-44, 3, 15),
            local,
            instant,
            PgInterval.of(Duration.ofHours(-30)),
            new byte[] {0, 1, (byte) 0xff, '\\', '\''},
            List.of(1, -2, 3));
    for (Object value : values) {
      Object back = conn.execute(SQL.of("SELECT {}").format(Literal.of(value))).fetchOne().get(0);
      if (value instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) back);
      } else if (value instanceof Instant) {
        assertEquals(value, ((java.time.OffsetDateTime) back).toInstant());
      } else if (value instanceof Double number) {
        // Like psycopg, a finite double is a bare constant, which the server reads as numeric.
        assertEquals(number, ((Number) back).doubleValue());
      } else {
        assertEquals(value, back instanceof Integer[] ints ? List.of(ints) : back, value::toString);
      }
    }
  }

  @Test
  void placeholdersBindOnTheServer(Connection conn) {
    Composable positional = SQL.of("SELECT {} + {}").format(Placeholder.of(1), Placeholder.of(2));
    assertEquals(5, conn.execute(positional, 2, 3).fetchOne().getInt(0));
    Composable named = SQL.of("SELECT {} || {}").format(Placeholder.of("a"), Placeholder.of("b"));
    assertEquals("xy", conn.execute(named, Map.of("a", "x", "b", "y")).fetchOne().getString(0));
  }

  @Test
  void everyFaceTakesAComposable(Connection conn, TestSchema schema) throws Exception {
    Composable query = SQL.of("SELECT {} || $1").format(Literal.of("back\\slash's "));
    String expected = "back\\slash's end";
    assertEquals(expected, conn.execute(query, "end").fetchOne().getString(0));
    try (Cursor<Row> cursor = conn.cursor()) {
      assertEquals(expected, cursor.execute(query, "end").fetchOne().getString(0));
    }
    try (Pipeline pipeline = conn.pipeline()) {
      Cursor<Row> queued = pipeline.execute(query, "end");
      pipeline.sync();
      assertEquals(expected, queued.fetchOne().getString(0));
    }
    assertEquals(
        expected,
        conn.async()
            .execute(query, "end")
            .thenCompose(AsyncCursor::fetchOne)
            .get(30, TimeUnit.SECONDS)
            .getString(0));
    assertEquals(
        expected,
        conn.async()
            .cursor()
            .execute(query, "end")
            .thenCompose(AsyncCursor::fetchOne)
            .get(30, TimeUnit.SECONDS)
            .getString(0));
    PoolOptions options = PoolOptions.builder().size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options)) {
      assertEquals(expected, pool.execute(query, "end").fetchOne().getString(0));
    }
    try (AsyncConnectionPool pool = new AsyncConnectionPool(schema.conninfo(), options)) {
      assertEquals(
          expected,
          pool.execute(query, "end")
              .thenCompose(AsyncCursor::fetchOne)
              .get(30, TimeUnit.SECONDS)
              .getString(0));
    }
  }

  @Test
  void literalsReadTheSameWhateverStandardConformingStrings(Connection conn) {
    Composable query = SQL.of("SELECT {}").format(Literal.of("a\\b"));
    assertEquals("SELECT  E'a\\\\b'", query.asString(conn));
    assertTrue(conn.standardConformingStrings());
    assertEquals("a\\b", conn.execute(query).fetchOne().getString(0));
    String hostile = "\\'; SELECT 'injected' --";
    String renderedWhileOn = SQL.of("SELECT {}").format(Literal.of(hostile)).asString(conn);
    conn.execute("SET standard_conforming_strings = off");
    assertEquals(false, conn.standardConformingStrings());
    assertEquals("a\\b", conn.execute(query).fetchOne().getString(0));
    // Rendered before the SET, run after it: still one string literal, read back unchanged.
    assertEquals(hostile, conn.execute(renderedWhileOn).fetchOne().getString(0));
  }
}
