package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.NullConnectionPool;
import dev.tusk.pool.Pool;
import dev.tusk.pool.PoolClosed;
import dev.tusk.pool.PoolOptions;
import dev.tusk.pool.PoolQueries;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pool-wide default row factory ({@code pool.withRowFactory}): one-shots, loans and transactions
 * of the view make its rows, on both pools, while the pool's own methods keep making Rows.
 */
@TuskTest
class PoolRowFactoryTest {

  record Pet(int id, String name) {}

  @Test
  void theConnectionPoolsViewMakesItsRowsEverywhere(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE shared_pet (id int PRIMARY KEY, name text)");
    try (ConnectionPool pool =
        new ConnectionPool(schema.conninfo(), PoolOptions.builder().size(1, 2).build())) {
      pool.waitReady(Await.PATIENCE);
      checkView(pool, "shared_pet");
    }
  }

  @Test
  void theNullPoolsViewMakesThemToo(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE pool_pet (id int PRIMARY KEY, name text)");
    try (NullConnectionPool pool =
        new NullConnectionPool(schema.conninfo(), PoolOptions.builder().size(0, 2).build())) {
      checkView(pool, "pool_pet");
    }
  }

  private static void checkView(Pool pool, String table) {
    PoolQueries<Pet> pets = pool.withRowFactory(RowFactories.record(Pet.class));
    assertSame(pool, pets.pool());
    List<Pet> inserted =
        pets.inTransaction(
            tx ->
                tx.execute("INSERT INTO " + table + " VALUES (1, 'Tusk'), (2, 'Ivory') RETURNING *")
                    .fetchAll());
    assertEquals(List.of(new Pet(1, "Tusk"), new Pet(2, "Ivory")), inserted);
    assertEquals(
        new Pet(1, "Tusk"),
        pets.execute("SELECT * FROM " + table + " WHERE id = $1", 1).fetchOne());
    assertEquals(
        List.of(new Pet(2, "Ivory")),
        pets.execute("SELECT * FROM " + table + " WHERE name = :name", Map.of("name", "Ivory"))
            .fetchAll());
    assertEquals(
        2,
        (int)
            pets.withConnection(lent -> lent.execute("SELECT * FROM " + table).fetchAll().size()));
    // A transaction of the view that throws is rolled back.
    assertThrows(
        IllegalStateException.class,
        () ->
            pets.inTransaction(
                tx -> {
                  tx.execute("DELETE FROM " + table);
                  throw new IllegalStateException("changed my mind");
                }));
    Row count = pool.execute("SELECT count(*) FROM " + table).fetchOne();
    assertEquals(2, count.getLong(0));
    pool.close();
    assertThrows(PoolClosed.class, () -> pets.execute("SELECT 1"));
  }
}
