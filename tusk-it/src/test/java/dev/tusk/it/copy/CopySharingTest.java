package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.Row;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * COPY on a shared connection: other callers' requests queue behind a COPY and every answer is
 * right; a Copy dropped unclosed releases the connection once collected; the async face; a pooled
 * connection.
 */
@TuskTest
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class CopySharingTest {

  private static final int CALLERS = 64;
  private static final int ROWS = 2_000;

  @Test
  void sixtyFourCallersShareAConnectionWhileSomeOfThemCopy(Connection conn) throws Exception {
    for (int i = 0; i < CALLERS; i += 8) {
      conn.execute("CREATE TABLE shared_" + i + " (id int, label text)");
    }
    List<Future<String>> outcomes = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < CALLERS; caller++) {
        int me = caller;
        outcomes.add(threads.submit(() -> me % 8 == 0 ? copyBothWays(conn, me) : query(conn, me)));
      }
      for (Future<String> outcome : outcomes) {
        assertEquals("ok", outcome.get(90, TimeUnit.SECONDS));
      }
    }
    for (int i = 0; i < CALLERS; i += 8) {
      assertEquals(ROWS, conn.execute("SELECT count(*) FROM shared_" + i).fetchOne().getLong(0));
    }
  }

  /** A COPY in (binary rows) and a COPY out (text chunks) of this caller's own table. */
  private static String copyBothWays(Connection conn, int me) {
    String table = "shared_" + me;
    try (Copy copy = conn.cursor().copy("COPY " + table + " FROM STDIN (FORMAT binary)")) {
      copy.setTypes("int4", "text");
      for (int i = 0; i < ROWS; i++) {
        copy.writeRow(i, "caller " + me + " row " + i);
      }
      if (copy.finish() != ROWS) {
        return "copied " + copy.rowCount();
      }
    }
    try (Copy copy =
        conn.cursor().copy("COPY (SELECT * FROM " + table + " ORDER BY id) TO STDOUT")) {
      int i = 0;
      for (byte[] chunk : copy) {
        String expected = i + "\tcaller " + me + " row " + i + "\n";
        if (!expected.equals(new String(chunk, StandardCharsets.UTF_8))) {
          return "row " + i + " was " + new String(chunk, StandardCharsets.UTF_8);
        }
        i++;
      }
      return i == ROWS ? "ok" : "read " + i + " rows";
    }
  }

  /** Ordinary statements, each answer checked. */
  private static String query(Connection conn, int me) {
    for (int i = 0; i < 40; i++) {
      int answer = conn.execute("SELECT $1::int * 1000 + $2::int", me, i).fetchOne().getInt(0);
      if (answer != me * 1000 + i) {
        return "caller " + me + " got " + answer + " for " + i;
      }
    }
    return "ok";
  }

  @Test
  void aCopyDroppedUnclosedReleasesTheConnectionOnceCollected(Connection conn) throws Exception {
    conn.execute("CREATE TABLE dropped (id int)");
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      threads
          .submit(
              () -> {
                Copy copy = conn.cursor().copy("COPY dropped FROM STDIN");
                copy.write("1\n2\n");
                // Dropped here: neither finished nor closed.
              })
          .get(30, TimeUnit.SECONDS);
      Future<Integer> behind = threads.submit(() -> conn.execute("SELECT 7").fetchOne().getInt(0));
      Integer answer = null;
      for (int attempt = 0; attempt < 300 && answer == null; attempt++) {
        System.gc();
        try {
          answer = behind.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          // The Copy is not collected yet.
        }
      }
      assertEquals(7, answer, "the request behind the dropped COPY was never answered");
    }
    assertEquals(0, conn.execute("SELECT count(*) FROM dropped").fetchOne().getLong(0));
  }

  @Test
  void theAsyncFaceStartsACopyAndQueuesRequestsBehindIt(Connection conn) throws Exception {
    conn.execute("CREATE TABLE async_copy (id int)");
    AsyncCursor<Row> cursor = conn.async().cursor();
    Copy copy = cursor.copy("COPY async_copy FROM STDIN").get(30, TimeUnit.SECONDS);
    CompletableFuture<Long> counted =
        conn.async()
            .execute("SELECT count(*) FROM async_copy")
            .thenCompose(AsyncCursor::fetchOne)
            .thenApply(row -> row.getLong(0));
    for (int i = 0; i < 1000; i++) {
      copy.writeRow(i);
    }
    // Held behind the COPY, whose data the server reads until CopyDone.
    assertFalse(counted.isDone());
    assertEquals(1000, copy.finish());
    assertEquals(1000, counted.get(30, TimeUnit.SECONDS));
    try (Copy out = cursor.copy("COPY async_copy TO STDOUT").get(30, TimeUnit.SECONDS)) {
      assertEquals(1000, out.rows().count());
    }
  }

  @Test
  void aPooledConnectionCopiesBothWays(TestSchema schema, Connection conn) {
    conn.execute("CREATE TABLE pooled_copy (id int, name text)");
    PoolOptions options = PoolOptions.builder().name("copy").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options)) {
      try (Connection lent = pool.connection();
          Copy copy = lent.cursor().copy("COPY pooled_copy FROM STDIN (FORMAT csv)")) {
        copy.writeRow(1, "one, with a comma");
        copy.writeRow(2, "two");
        assertEquals(2, copy.finish());
      }
      try (Connection lent = pool.connection();
          Copy copy = lent.cursor().copy("COPY pooled_copy TO STDOUT (FORMAT csv)")) {
        copy.setTypes("int4", "text");
        assertEquals(List.of(1, "one, with a comma"), List.of(copy.readRow()));
        assertEquals(List.of(2, "two"), List.of(copy.readRow()));
      }
      // The loan returned with its COPY closed: the pooled connection is usable.
      try (Connection lent = pool.connection()) {
        assertTrue(lent.execute("SELECT 1").fetchOne().getInt(0) == 1);
      }
    }
  }
}
