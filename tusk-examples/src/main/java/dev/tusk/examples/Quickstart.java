package dev.tusk.examples;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Queries;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.pool.PoolQueries;
import dev.tusk.types.Param;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The README quickstart: connects (to {@code DATABASE_URL}, or to an embedded PostgreSQL), creates
 * a table, writes with parameters and {@code executeMany}, reads with each row factory, shows a
 * transaction with a savepoint and a caught {@link UniqueViolation}, natural values (jsonb as a
 * Map, interval as a Duration, a 2-D array, {@code Param.array}), then a pipeline, a query timeout,
 * the async face and a pool.
 */
public final class Quickstart {

  /** A row as a Java record, filled by column name. */
  record Pet(int id, String name, LocalDate born, BigDecimal weightKg) {}

  private Quickstart() {}

  public static void main(String[] args) {
    String url = ExampleDatabase.url();
    try (Connection conn = Tusk.connect(url)) {
      System.out.printf(
          "connected to PostgreSQL %d, backend pid %d%n",
          conn.info().serverVersion(), conn.info().backendPid());
      conn.execute(
          "DROP TABLE IF EXISTS pets;"
              + " CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL, born date,"
              + " weight_kg numeric(6,2))");
      write(conn);
      read(conn);
      transactions(conn);
      naturalValues(conn);
      pipelineTimeoutAndAsync(conn);
    }
    pool(url);
  }

  private static void write(Connection conn) {
    conn.execute(
        "INSERT INTO pets VALUES ($1, $2, $3, $4)",
        1,
        "Tusk",
        LocalDate.of(2024, 5, 1),
        new BigDecimal("812.50"));
    Cursor<Row> cursor =
        conn.cursor()
            .executeMany(
                "INSERT INTO pets VALUES ($1, $2, $3, $4)",
                List.of(
                    new Object[] {2, "Ivory", LocalDate.of(2025, 2, 9), new BigDecimal("640.00")},
                    new Object[] {3, "Mammoth", null, null}));
    System.out.println("executeMany inserted " + cursor.rowCount() + " rows");
  }

  private static void read(Connection conn) {
    Row row = conn.execute("SELECT id, name, born FROM pets WHERE id = $1", 1).fetchOne();
    System.out.println("row():    " + row.getInt("id") + " " + row.getString("name"));

    List<Map<String, Object>> maps =
        conn.cursor(RowFactories.map())
            .execute("SELECT id, name FROM pets WHERE id <= :max ORDER BY id", Map.of("max", 2))
            .fetchAll();
    System.out.println("map():    " + maps);

    // A connection-wide default row factory: everything run through `pets` makes Pets.
    Queries<Pet> pets = conn.withRowFactory(RowFactories.record(Pet.class));
    for (Pet pet : pets.execute("SELECT id, name, born, weight_kg FROM pets ORDER BY id")) {
      System.out.println("record(): " + pet);
    }

    Object count =
        conn.cursor(RowFactories.scalar()).execute("SELECT count(*) FROM pets").fetchOne();
    System.out.println("scalar(): " + count + " pets");
  }

  private static void transactions(Connection conn) {
    try (Transaction outer = conn.transaction()) {
      conn.execute("UPDATE pets SET name = $1 WHERE id = $2", "Tusk the Great", 1);
      try (Transaction inner = conn.transaction()) {
        conn.execute("INSERT INTO pets (id, name) VALUES ($1, $2)", 2, "Duplicate");
        inner.commit();
      } catch (UniqueViolation e) {
        System.out.println(
            "savepoint rolled back: "
                + e.diagnostic().messagePrimary()
                + " ("
                + e.diagnostic().constraintName()
                + ")");
      }
      outer.commit();
    }
    String name =
        conn.cursor(RowFactories.scalar(String.class))
            .execute("SELECT name FROM pets WHERE id = 1")
            .fetchOne();
    System.out.println("after commit: pet 1 is " + name);
  }

  private static void naturalValues(Connection conn) {
    // jsonb without a JSON library: a Map goes as jsonb and comes back as a Map. (A lone Map
    // would be the named parameters: send one alone as (Object) map.)
    Map<String, Object> tags = Map.of("colour", "grey", "tusks", 2);
    Object json = conn.execute("SELECT $1::jsonb - $2", tags, "colour").fetchOne().get(0);
    // An interval is a Duration (or a Period), both ways; a 2-D array goes with its dimensions.
    Duration nap =
        conn.execute("SELECT $1::interval * 2", Duration.ofMinutes(20))
            .fetchOne()
            .get(0, Duration.class);
    Object corner =
        conn.execute("SELECT ($1::int[])[2][1]", (Object) new int[][] {{1, 2}, {3, 4}})
            .fetchOne()
            .get(0);
    // A lone String[] would be the whole parameter list: Param.array makes it one array parameter.
    String[] names = {"Tusk", "Ivory"};
    long named =
        conn.execute("SELECT count(*) FROM pets WHERE name = ANY($1)", Param.array(names))
            .fetchOne()
            .getLong(0);
    System.out.println(
        "values:   json " + json + ", nap " + nap + ", corner " + corner + ", named " + named);

    // psycopg's `with conn.transaction():` commits on return and rolls back on an exception.
    long renamed =
        conn.inTransaction(
            c -> c.execute("UPDATE pets SET name = $1 WHERE id = $2", "Ivory II", 2).rowCount());
    System.out.println("inTransaction: renamed " + renamed + " pet");
  }

  private static void pipelineTimeoutAndAsync(Connection conn) {
    try (Pipeline pipeline = conn.pipeline()) {
      for (int id = 10; id < 20; id++) {
        pipeline.execute("INSERT INTO pets (id, name) VALUES ($1, $2)", id, "Calf " + id);
      }
      Cursor<Row> total = pipeline.execute("SELECT count(*) FROM pets");
      List<PipelineResult> results = pipeline.sync(); // each statement's tag and row count
      System.out.println(
          "pipeline: "
              + results.size()
              + " statements, one round trip; now "
              + total.fetchOne().getLong(0)
              + " pets");
    }
    try {
      conn.execute(Query.of("SELECT pg_sleep(5)").withTimeout(Duration.ofMillis(100)));
    } catch (QueryCanceled e) {
      System.out.println("timeout:  " + e.diagnostic().messagePrimary());
    }
    String oldest =
        conn.async()
            .execute("SELECT name FROM pets ORDER BY born NULLS LAST LIMIT 1")
            .thenCompose(AsyncCursor::fetchOne)
            .thenApply(row -> row.getString(0))
            .join();
    System.out.println("async:    the oldest pet is " + oldest);
  }

  private static void pool(String url) {
    PoolOptions options = PoolOptions.builder().name("quickstart").size(1, 4).build();
    try (ConnectionPool pool = new ConnectionPool(url, options)) {
      long answer = pool.execute("SELECT $1::int8 * 2", 21).fetchOne().getLong(0);
      long inTransaction = pool.inTransaction(c -> c.execute("SELECT 1").rowCount());
      // A pool-wide default row factory: its one-shots and loans make Pets.
      PoolQueries<Pet> pets = pool.withRowFactory(RowFactories.record(Pet.class));
      System.out.println(
          "pool:     " + pets.execute("SELECT * FROM pets WHERE id = $1", 1).fetchOne());
      System.out.println(
          "pool:     "
              + answer
              + ", "
              + inTransaction
              + " row; requests "
              + pool.stats().get("requests_num"));
      pool.execute("DROP TABLE pets");
    }
  }
}
