package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.NullConnectionPool;
import dev.tusk.pool.Pool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * A pool's loan defaults last for every loan, not just the first: the {@code autocommit} option,
 * autocommit turned off by the {@code configure} hook, and session settings the hook makes.
 */
@TuskTest
class PoolDefaultsTest {

  private static ConnectionPool pool(TestSchema schema, PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(schema.conninfo(), options.size(1, 1).build());
    pool.waitReady(Await.PATIENCE);
    return pool;
  }

  private static long count(Pool pool, String table) {
    return pool.execute("SELECT count(*) FROM " + table).fetchOne().getLong(0);
  }

  @Test
  void autocommitOffLastsForEveryLoan(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE loan_defaults (n int)");
    try (ConnectionPool pool = pool(schema, PoolOptions.builder().autocommit(false))) {
      for (int loan = 0; loan < 3; loan++) {
        try (Connection lent = pool.connection()) {
          assertFalse(lent.autocommit(), "loan " + loan);
          lent.execute("INSERT INTO loan_defaults VALUES ($1)", loan);
          if (loan == 1) {
            lent.commit();
          }
        }
      }
      // Uncommitted loans were rolled back when given back; one-shot statements still commit.
      assertEquals(1, count(pool, "loan_defaults"));
      pool.execute("INSERT INTO loan_defaults VALUES (9)");
      assertEquals(2, count(pool, "loan_defaults"));
    }
  }

  @Test
  void whatConfigureSetsLastsForEveryLoan(Connection conn, TestSchema schema) {
    PoolOptions.Builder options =
        PoolOptions.builder()
            .configure(
                connection -> {
                  connection.execute("SET application_name = 'configured'");
                  connection.setAutocommit(false);
                });
    try (ConnectionPool pool = pool(schema, options)) {
      int pid = pool.withConnection(c -> c.info().backendPid());
      for (int loan = 0; loan < 3; loan++) {
        try (Connection lent = pool.connection()) {
          assertEquals(pid, lent.info().backendPid(), "the same connection, lent again");
          assertFalse(lent.autocommit(), "loan " + loan);
          assertEquals("configured", lent.execute("SHOW application_name").fetchOne().getString(0));
        }
      }
    }
  }

  @Test
  void configureSetsSessionStateEvenWhenLoansStartWithAutocommitOff(TestSchema schema) {
    PoolOptions.Builder options =
        PoolOptions.builder()
            .autocommit(false)
            .configure(connection -> connection.execute("SET application_name = 'both'"));
    try (ConnectionPool pool = pool(schema, options)) {
      for (int loan = 0; loan < 2; loan++) {
        try (Connection lent = pool.connection()) {
          assertFalse(lent.autocommit());
          assertEquals("both", lent.execute("SHOW application_name").fetchOne().getString(0));
        }
      }
    }
  }

  @Test
  void theNullPoolLendsWithTheSameDefaults(TestSchema schema) {
    PoolOptions options = PoolOptions.builder().autocommit(false).build();
    try (NullConnectionPool pool = new NullConnectionPool(schema.conninfo(), options)) {
      for (int loan = 0; loan < 2; loan++) {
        try (Connection lent = pool.connection()) {
          assertFalse(lent.autocommit());
        }
      }
    }
    try (NullConnectionPool pool =
        new NullConnectionPool(schema.conninfo(), PoolOptions.defaults())) {
      try (Connection lent = pool.connection()) {
        assertTrue(lent.autocommit());
      }
    }
  }
}
