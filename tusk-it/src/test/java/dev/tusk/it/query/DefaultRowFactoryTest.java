package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.AsyncCursor;
import dev.tusk.AsyncQueries;
import dev.tusk.Connection;
import dev.tusk.Queries;
import dev.tusk.Query;
import dev.tusk.RowFactories;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connection-wide default row factory, kept with its row type: {@code withRowFactory}. */
@TuskTest
class DefaultRowFactoryTest {

  record Pet(int id, String name) {}

  @Test
  void everyStatementOfTheViewMakesItsRows(Connection conn) {
    conn.execute("CREATE TABLE pet (id int PRIMARY KEY, name text)");
    Queries<Pet> pets = conn.withRowFactory(RowFactories.record(Pet.class));
    pets.executeMany(
        "INSERT INTO pet VALUES ($1, $2)", List.of(List.of(1, "Tusk"), List.of(2, "Ivory")));
    assertEquals(new Pet(1, "Tusk"), pets.execute("SELECT * FROM pet WHERE id = $1", 1).fetchOne());
    assertEquals(
        List.of(new Pet(2, "Ivory")),
        pets.execute("SELECT * FROM pet WHERE name = :name", Map.of("name", "Ivory")).fetchAll());
    assertEquals(2, pets.cursor().execute("SELECT * FROM pet").fetchAll().size());
    assertSame(conn, pets.connection());
    // The connection's own execute still makes Rows.
    assertEquals(2, conn.execute("SELECT count(*) FROM pet").fetchOne().getLong(0));
  }

  @Test
  void mapsLikePsycopgsDictRow(Connection conn) {
    Queries<Map<String, Object>> dicts = conn.withRowFactory(RowFactories.map());
    assertEquals(Map.of("a", 1, "b", "x"), dicts.execute("SELECT 1 AS a, 'x' AS b").fetchOne());
  }

  @Test
  void theAsyncFaceOffersItTooPlainAndPooled(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE pet_async (id int PRIMARY KEY, name text)");
    check(conn.async().withRowFactory(RowFactories.record(Pet.class)));
    try (ConnectionPool pool =
            new ConnectionPool(schema.conninfo(), PoolOptions.builder().size(1, 1).build());
        Connection lent = pool.connection()) {
      lent.execute("TRUNCATE pet_async");
      check(lent.async().withRowFactory(RowFactories.record(Pet.class)));
    }
  }

  private static void check(AsyncQueries<Pet> pets) {
    pets.executeMany(
            "INSERT INTO pet_async VALUES ($1, $2)",
            List.of(List.of(1, "Tusk"), List.of(2, "Ivory")))
        .join();
    assertEquals(
        new Pet(1, "Tusk"),
        pets.execute("SELECT * FROM pet_async WHERE id = $1", 1)
            .thenCompose(AsyncCursor::fetchOne)
            .join());
    assertEquals(
        List.of(new Pet(2, "Ivory")),
        pets.execute(
                Query.of("SELECT * FROM pet_async WHERE name = :name"), Map.of("name", "Ivory"))
            .thenCompose(AsyncCursor::fetchAll)
            .join());
    assertEquals(
        2,
        pets.cursor()
            .execute("SELECT * FROM pet_async")
            .thenCompose(AsyncCursor::fetchAll)
            .join()
            .size());
    assertSame(pets.connection().sync(), pets.connection().sync().async().sync());
  }

  @Test
  void aPooledConnectionOffersItToo(TestSchema schema) {
    try (ConnectionPool pool =
        new ConnectionPool(schema.conninfo(), PoolOptions.builder().size(1, 1).build())) {
      long answer =
          pool.withConnection(
              conn ->
                  conn.withRowFactory(RowFactories.scalar(Long.class))
                      .execute("SELECT 42::int8")
                      .fetchOne());
      assertEquals(42L, answer);
    }
  }
}
