package dev.tusk.it.prepared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Preparation, reuse and eviction racing between threads on one connection: with a cache far
 * smaller than the statements in use, statements are closed while other threads plan theirs, and no
 * thread may ever see another's statement vanish (26000) or get another's answer.
 */
@TuskTest
class ConcurrentPreparationTest {

  private static final int THREADS = 32;
  private static final int RUNS = 300;
  private static final int STATEMENTS = 12;

  @Test
  void evictionUnderConcurrencyNeverLosesAStatement(TestSchema schema) throws Exception {
    try (Connection conn =
            Tusk.connect(schema.conninfo() + " prepare_threshold=0 statement_cache_size=3");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        tasks.add(
            executor.submit(
                () -> {
                  for (int run = 0; run < RUNS; run++) {
                    int which = (thread + run) % STATEMENTS;
                    int value = thread * 10_000 + run;
                    String sql = "SELECT $1::int + " + which;
                    int got = conn.execute(sql, value).fetchOne().getInt(0);
                    if (got != value + which) {
                      wrong.add(sql + " with " + value + " gave " + got);
                    }
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
      assertEquals(List.of(), List.copyOf(wrong));
      long kept =
          conn.execute(
                  Query.of("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql")
                      .withPrepare(false))
              .fetchOne()
              .getLong(0);
      assertEquals(3, kept, "evicted statements were closed on the server");
    }
  }

  @Test
  void pipelinesAndPlainCallsShareTheCache(TestSchema schema) throws Exception {
    try (Connection conn =
            Tusk.connect(schema.conninfo() + " prepare_threshold=1 statement_cache_size=2");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      conn.execute("CREATE TEMP TABLE tally (n int)");
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        tasks.add(
            executor.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    try (Pipeline pipeline = conn.pipeline()) {
                      for (int i = 0; i < 25; i++) {
                        pipeline.execute("INSERT INTO tally VALUES ($1)", thread);
                        pipeline.execute("SELECT $1::int + " + (i % 4), i);
                      }
                    }
                    conn.execute("SELECT $1::text || 'x'", "y");
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
      assertEquals(8L * 20 * 25, conn.execute("SELECT count(*) FROM tally").fetchOne().getLong(0));
    }
  }
}
