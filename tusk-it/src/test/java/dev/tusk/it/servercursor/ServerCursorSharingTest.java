package dev.tusk.it.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncServerCursor;
import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.OperationalError;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Server cursors on a shared connection, on the async face, from a pool, and when the connection is
 * lost.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ServerCursorSharingTest {

  private static long cursorsNamed(Connection conn, String name) {
    return conn.execute("SELECT count(*) FROM pg_cursors WHERE name = $1", name)
        .fetchOne()
        .getLong(0);
  }

  @Test
  void otherThreadsWaitForTheTransactionInWhichACursorIsIterated(Connection conn) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch iterating = new CountDownLatch(1);
      Future<Long> sum =
          threads.submit(
              () -> {
                long total = 0;
                try (Transaction tx = conn.transaction();
                    ServerCursor<Integer> cursor =
                        conn.cursor("owned", RowFactories.scalar(Integer.class)).itersize(50)) {
                  cursor.execute("SELECT g FROM generate_series(1, 2000) g");
                  for (Integer value : cursor) {
                    total += value;
                    if (value == 100) {
                      iterating.countDown();
                      // The other threads' statements are queued meanwhile, not run in here.
                      Thread.sleep(200);
                      assertEquals("T", conn.execute("SELECT 'T'").fetchOne().getString(0));
                    }
                  }
                  tx.commit();
                }
                return total;
              });
      assertTrue(iterating.await(30, TimeUnit.SECONDS));
      List<Future<Integer>> others = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        others.add(
            threads.submit(
                () -> {
                  // Outside the block: would fail if it ran inside the other thread's
                  // transaction, where "owned" exists and this SELECT would see it.
                  long visible =
                      conn.execute("SELECT count(*) FROM pg_cursors WHERE name = 'owned'")
                          .fetchOne()
                          .getLong(0);
                  assertEquals(0, visible);
                  return conn.execute("SELECT $1::int", n).fetchOne().getInt(0);
                }));
      }
      assertEquals(2000L * 2001 / 2, sum.get(30, TimeUnit.SECONDS));
      for (int i = 0; i < others.size(); i++) {
        assertEquals(i, others.get(i).get(30, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void aHeldCursorInAutocommitModeLetsOtherThreadsRunBetweenItsFetches(Connection conn)
      throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        ServerCursor<Integer> cursor =
            conn.cursor("interleaved", RowFactories.scalar(Integer.class)).withHold(true)) {
      cursor.itersize(10).execute("SELECT g FROM generate_series(1, 100) g");
      long total = 0;
      for (Integer value : cursor) {
        total += value;
        if (value % 10 == 0) {
          // Another thread's statement runs between two FETCHes and is answered at once.
          int answer =
              threads
                  .submit(() -> conn.execute("SELECT $1::int", value).fetchOne().getInt(0))
                  .get(10, TimeUnit.SECONDS);
          assertEquals(value, answer);
        }
      }
      assertEquals(5050, total);
    }
    assertEquals(0, cursorsNamed(conn, "interleaved"));
  }

  @Test
  void theAsyncFaceDeclaresFetchesScrollsAndCloses(Connection conn) throws Exception {
    AsyncConnection async = conn.async();
    AsyncServerCursor<Integer> cursor =
        async.cursor("async", RowFactories.scalar(Integer.class)).withHold(true).scrollable(true);
    cursor.execute("SELECT g FROM generate_series(1, $1::int) g", 25).get(30, TimeUnit.SECONDS);
    assertEquals("g", cursor.description().get(0).name());
    assertEquals(1, cursor.fetchOne().get(30, TimeUnit.SECONDS));
    assertEquals(List.of(2, 3), cursor.fetchMany(2).get(30, TimeUnit.SECONDS));
    cursor.scroll(-2, ServerCursor.Scroll.RELATIVE).get(30, TimeUnit.SECONDS);
    assertEquals(1, cursor.rowNumber());
    List<Integer> rest = new ArrayList<>();
    cursor.itersize(7).forEach(rest::add).get(30, TimeUnit.SECONDS);
    assertEquals(24, rest.size());
    assertEquals(2, rest.get(0));
    assertEquals(25, cursor.rowNumber());
    assertEquals(1, cursorsNamed(conn, "async"));
    cursor.closeAsync().get(30, TimeUnit.SECONDS);
    assertTrue(cursor.closed());
    assertEquals(0, cursorsNamed(conn, "async"));
    ExecutionException closed =
        assertThrows(ExecutionException.class, () -> cursor.fetchOne().get(30, TimeUnit.SECONDS));
    assertInstanceOf(InterfaceError.class, closed.getCause());
  }

  @Test
  void theAsyncFaceNeedsHoldOrATransactionToo(Connection conn) throws Exception {
    AsyncConnection async = conn.async();
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> async.cursor("asyncnohold").execute("SELECT 1").get(30, TimeUnit.SECONDS));
    assertInstanceOf(NoActiveSqlTransaction.class, refused.getCause());
    async.setAutocommit(false).get(30, TimeUnit.SECONDS);
    AsyncServerCursor<Integer> cursor =
        async.cursor("asyncimplicit", RowFactories.scalar(Integer.class));
    cursor.execute("SELECT g FROM generate_series(1, 4) g").get(30, TimeUnit.SECONDS);
    assertEquals(List.of(1, 2, 3, 4), cursor.fetchAll().get(30, TimeUnit.SECONDS));
    cursor.close();
    async.commit().get(30, TimeUnit.SECONDS);
    async.setAutocommit(true).get(30, TimeUnit.SECONDS);
    assertEquals(0, cursorsNamed(conn, "asyncimplicit"));
  }

  @Test
  void anAsyncErrorPartWayFailsTheFutureAndClosesTheCursor(Connection conn) throws Exception {
    AsyncServerCursor<Integer> cursor =
        conn.async().cursor("asyncmidway", RowFactories.scalar(Integer.class)).withHold(true);
    // WITH HOLD in autocommit mode computes the result at the commit of the DECLARE: the error
    // comes from execute, and nothing is left on the server.
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () ->
                cursor
                    .execute("SELECT 10 / (5 - g) FROM generate_series(1, 8) g")
                    .get(30, TimeUnit.SECONDS));
    assertInstanceOf(DivisionByZero.class, failed.getCause());
    assertTrue(cursor.closed());
    assertEquals(0, cursorsNamed(conn, "asyncmidway"));

    conn.setAutocommit(false);
    AsyncServerCursor<Integer> inTransaction =
        conn.async().cursor("asyncmidway2", RowFactories.scalar(Integer.class)).itersize(2);
    inTransaction
        .execute("SELECT 10 / (5 - g) FROM generate_series(1, 8) g")
        .get(30, TimeUnit.SECONDS);
    List<Integer> seen = new ArrayList<>();
    ExecutionException midway =
        assertThrows(
            ExecutionException.class,
            () -> inTransaction.forEach(seen::add).get(30, TimeUnit.SECONDS));
    assertInstanceOf(DivisionByZero.class, midway.getCause());
    assertEquals(List.of(2, 3, 5, 10), seen);
    assertTrue(inTransaction.closed());
    conn.rollback();
    conn.setAutocommit(true);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void cancellingAnAsyncFetchCancelsItOnTheServer(Connection conn) throws Exception {
    conn.setAutocommit(false);
    AsyncServerCursor<Row> cursor = conn.async().cursor("sleepy");
    cursor.execute("SELECT pg_sleep(30) FROM generate_series(1, 2)").get(30, TimeUnit.SECONDS);
    CompletableFuture<Row> fetch = cursor.fetchOne();
    Thread.sleep(300);
    long started = System.nanoTime();
    fetch.cancel(true);
    assertTrue(fetch.isCancelled());
    // Behind the FETCH in the queue: answered once the server has cancelled it, not in 30 s.
    conn.rollback();
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20));
    conn.setAutocommit(true);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cursor.closed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(cursor.closed(), "the cancelled FETCH closes the cursor");
  }

  @Test
  void aPooledConnectionHasServerCursors(PostgresServer server) {
    try (ConnectionPool pool =
        new ConnectionPool(server.conninfo(), PoolOptions.builder().size(1, 1).build())) {
      pool.waitReady(Duration.ofSeconds(30));
      try (Connection lent = pool.connection();
          Transaction tx = lent.transaction();
          ServerCursor<Integer> cursor =
              lent.cursor("pooled", RowFactories.scalar(Integer.class)).itersize(3)) {
        cursor.execute("SELECT g FROM generate_series(1, 10) g");
        assertEquals(55, cursor.stream().mapToInt(Integer::intValue).sum());
        tx.commit();
      }
      try (Connection lent = pool.connection()) {
        AsyncServerCursor<Integer> cursor =
            lent.async().cursor("pooledasync", RowFactories.scalar(Integer.class)).withHold(true);
        cursor.execute("SELECT 5").join();
        assertEquals(5, cursor.fetchOne().join());
        cursor.closeAsync().join();
        assertEquals(0, cursorsNamed(lent, "pooledasync"));
      }
    }
  }

  @Test
  void aHeldCursorLeftOpenOnALoanIsClosedWhenTheLoanEnds(PostgresServer server) {
    try (ConnectionPool pool =
        new ConnectionPool(server.conninfo(), PoolOptions.builder().size(1, 1).build())) {
      pool.waitReady(Duration.ofSeconds(30));
      int pid;
      try (Connection lent = pool.connection()) {
        pid = lent.info().backendPid();
        lent.cursor("leaked").withHold(true).execute("SELECT 1");
        lent.async().cursor("leakedasync").withHold(true).execute("SELECT 2").join();
        assertEquals(1, cursorsNamed(lent, "leaked"));
      }
      try (Connection again = pool.connection()) {
        assertEquals(pid, again.info().backendPid(), "the pool's only connection");
        assertEquals(0, cursorsNamed(again, "leaked"));
        assertEquals(0, cursorsNamed(again, "leakedasync"));
        try (ServerCursor<Integer> cursor =
            again.cursor("leaked", RowFactories.scalar(Integer.class)).withHold(true)) {
          assertEquals(3, cursor.execute("SELECT 3").fetchOne());
        }
      }
    }
  }

  @Test
  void aLostConnectionFailsTheFetchClosesTheCursorAndCloseStaysQuiet(PostgresServer server)
      throws Exception {
    Connection conn = Tusk.connect(server.conninfo());
    ServerCursor<Integer> cursor =
        conn.cursor("lost", RowFactories.scalar(Integer.class)).withHold(true);
    cursor.execute("SELECT g FROM generate_series(1, 100) g");
    assertEquals(1, cursor.fetchOne());
    try (Connection other = Tusk.connect(server.conninfo())) {
      other.execute("SELECT pg_terminate_backend($1)", conn.info().backendPid());
    }
    assertThrows(OperationalError.class, cursor::fetchOne);
    assertTrue(cursor.closed());
    cursor.close();
    assertTrue(conn.closed());
    assertThrows(InterfaceError.class, () -> cursor.fetchMany(3));
    conn.close();
    CompletableFuture<Void> quiet = conn.async().cursor("afterwards").closeAsync();
    quiet.get(10, TimeUnit.SECONDS);
    assertFalse(quiet.isCompletedExceptionally());
  }
}
