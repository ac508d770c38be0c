package dev.tusk.it.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * {@code Connection.publish}: a query's rows as a {@link Flow.Publisher} with real back-pressure,
 * cancel that stops the server, and the Reactive Streams rules a subscriber relies on.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class QueryPublisherTest {

  /**
   * A slow subscriber asking for one row at a time over a million wide rows: the server is held
   * back (its backend waits in ClientWrite) after producing a bounded number of rows beyond those
   * delivered, which a sequence the query advances per row counts, independently of any heap.
   */
  @Test
  void aSlowSubscriberHoldsTheServerBackAndItsCancelStopsIt(Connection conn, TestSchema schema)
      throws Exception {
    String sequence = "publish_progress_" + System.nanoTime();
    conn.execute("CREATE SEQUENCE " + sequence);
    Flow.Subscription subscription = null;
    try (Connection observer = Tusk.connect(schema.conninfo())) {
      Flow.Publisher<Row> rows =
          conn.publish(
              "SELECT nextval($1::regclass), repeat('x', 1000) FROM generate_series(1, 1000000)",
              sequence);
      Probe<Row> probe = new Probe<>();
      rows.subscribe(probe);
      subscription = probe.subscription();
      for (long expected = 1; expected <= 300; expected++) {
        subscription.request(1);
        assertEquals(expected, probe.take().getLong(0), "rows arrive in order");
        if (expected % 50 == 0) {
          Thread.sleep(20); // slow
        }
      }
      probe.expectNoItem(200);
      assertEquals(300, probe.received.get(), "exactly the rows requested were delivered");
      int pid = conn.info().backendPid();
      String waitEvent = null;
      for (int i = 0; i < 200 && !"ClientWrite".equals(waitEvent); i++) {
        Thread.sleep(50);
        waitEvent =
            observer
                .execute("SELECT wait_event FROM pg_stat_activity WHERE pid = $1", pid)
                .fetchOne()
                .getString(0);
      }
      assertEquals("ClientWrite", waitEvent, "the server is held back by the unread socket");
      long produced = produced(observer, sequence);
      System.out.println("rows produced while 300 were delivered: " + produced);
      // Read ahead: the subscription's buffer (1,000 rows, twice over at most) plus what the two
      // sockets' kernel buffers hold; a reader ignoring demand would be far past this.
      assertTrue(produced < 300 + 20_000, "rows produced ahead of demand: " + produced);

      subscription.cancel();
      subscription.cancel(); // idempotent
      subscription.request(5); // after cancel: nothing
      assertEquals(42, conn.execute("SELECT 42").fetchOne().getInt(0), "usable after cancel");
      long afterCancel = produced(observer, sequence);
      Thread.sleep(200);
      assertEquals(afterCancel, produced(observer, sequence), "the server stopped the query");
      assertTrue(afterCancel < 1_000_000, "the query was cancelled, not run to its end");
      assertTrue(probe.items.size() <= 1, "at most a row in flight was delivered after cancel");
      assertNull(probe.end.getNow(null), "no terminal signal after cancel");
    } finally {
      if (subscription != null) {
        subscription.cancel(); // else the DROP would wait behind the stream
      }
      conn.execute("DROP SEQUENCE " + sequence);
    }
  }

  private static long produced(Connection observer, String sequence) {
    return observer.execute("SELECT last_value FROM " + sequence).fetchOne().getLong(0);
  }

  @Test
  void aCancelWhileTheServerHasSentNothingYetStopsTheStatement(Connection conn) throws Exception {
    Probe<Row> probe = new Probe<>();
    conn.publish("SELECT pg_sleep(30), 1").subscribe(probe);
    Flow.Subscription subscription = probe.subscription();
    subscription.request(1);
    Thread.sleep(300); // the statement runs, and sends nothing for 30 s
    long start = System.nanoTime();
    subscription.cancel();
    assertEquals(11, conn.execute("SELECT 11").fetchOne().getInt(0));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 10_000, "the sleeping statement was cancelled, not waited for: " + millis);
    assertEquals(0, probe.received.get());
    assertNull(probe.end.getNow(null), "no terminal signal after cancel");
  }

  @Test
  void anUnboundedRequestReceivesEveryRowInOrderThenCompletes(Connection conn) throws Exception {
    Probe<Integer> probe = new Probe<>();
    conn.publish(
            RowFactories.scalar(Integer.class),
            Query.of("SELECT g FROM generate_series(1, 25000) g"))
        .subscribe(probe);
    probe.subscription().request(Long.MAX_VALUE);
    assertNull(probe.awaitEnd());
    List<Integer> got = List.copyOf(probe.items);
    assertEquals(IntStream.rangeClosed(1, 25000).boxed().toList(), got);
    assertEquals(0, probe.afterEnd.get());
    Thread emitter = probe.threads.get(0);
    assertEquals(1, probe.threads.size(), "one thread signals, serially");
    assertTrue(emitter.isVirtual() && emitter.getName().startsWith("tusk-"), emitter.toString());
    emitter.join(Duration.ofSeconds(5));
    assertTrue(!emitter.isAlive(), "the subscription's thread ends with it");
  }

  @Test
  void demandAccumulatesAndOverflowsToUnbounded(Connection conn) throws Exception {
    Probe<Row> probe = new Probe<>();
    conn.publish("SELECT g FROM generate_series(1, 3000) g").subscribe(probe);
    Flow.Subscription subscription = probe.subscription();
    subscription.request(2);
    subscription.request(3);
    for (int i = 1; i <= 5; i++) {
      assertEquals(i, probe.take().getInt(0));
    }
    probe.expectNoItem(200);
    subscription.request(Long.MAX_VALUE - 1);
    subscription.request(Long.MAX_VALUE - 1); // sums past Long.MAX_VALUE: unbounded
    assertNull(probe.awaitEnd());
    assertEquals(3000, probe.received.get());
  }

  @Test
  void anErrorMidStreamArrivesAsOnErrorWithItsTypedException(Connection conn) throws Exception {
    Probe<Row> probe = new Probe<>();
    conn.publish("SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g").subscribe(probe);
    probe.subscription().request(Long.MAX_VALUE);
    assertInstanceOf(DivisionByZero.class, probe.awaitEnd());
    assertEquals(4999, probe.received.get(), "the rows before the error were delivered");
    assertEquals(7, conn.execute("SELECT 7").fetchOne().getInt(0));
  }

  @Test
  void aStatementThatFailsAtOnceEndsWithItsError(Connection conn) throws Exception {
    Probe<Row> probe = new Probe<>();
    conn.publish("SELECT * FROM no_such_table_here").subscribe(probe);
    probe.subscription().request(1);
    assertInstanceOf(dev.tusk.errors.UndefinedTable.class, probe.awaitEnd());
    assertEquals(0, probe.received.get());
  }

  @Test
  void requestOfZeroOrLessIsAnIllegalArgumentSignalledAsOnError(Connection conn) throws Exception {
    Probe<Row> first = new Probe<>();
    conn.publish("SELECT 1").subscribe(first);
    first.subscription().request(0);
    assertInstanceOf(IllegalArgumentException.class, first.awaitEnd());

    Probe<Row> midway = new Probe<>();
    conn.publish("SELECT g, repeat('y', 500) FROM generate_series(1, 200000) g").subscribe(midway);
    midway.subscription().request(3);
    for (int i = 1; i <= 3; i++) {
      assertEquals(i, midway.take().getInt(0));
    }
    midway.subscription().request(-1);
    assertInstanceOf(IllegalArgumentException.class, midway.awaitEnd());
    assertEquals(3, midway.received.get());
    assertEquals(8, conn.execute("SELECT 8").fetchOne().getInt(0), "usable after the bad request");
  }

  @Test
  void aSubscriberThatThrowsIsCancelledAndTheConnectionStaysUsable(Connection conn)
      throws Exception {
    Probe<Row> probe =
        new Probe<>(
            row -> {
              if (row.getInt(0) == 3) {
                throw new IllegalStateException("the subscriber broke");
              }
            });
    conn.publish("SELECT g, repeat('z', 500) FROM generate_series(1, 500000) g").subscribe(probe);
    probe.subscription().request(Long.MAX_VALUE);
    // The third row comes when the machine gets to it; then nothing more may come.
    long patience = System.nanoTime() + 10_000_000_000L;
    while (probe.received.get() < 3 && System.nanoTime() < patience) {
      Thread.sleep(10);
    }
    Thread.sleep(300);
    assertEquals(3, probe.received.get(), "nothing is signalled after onNext threw");
    assertNull(probe.end.getNow(null));
    assertEquals(9, conn.execute("SELECT 9").fetchOne().getInt(0));
  }

  @Test
  void aRowFactoryThatThrowsEndsWithItsExceptionAndStopsTheStatement(Connection conn)
      throws Exception {
    RowFactory<Integer> fragile =
        columns ->
            row -> {
              int value = row.getInt(0);
              if (value == 2000) {
                throw new IllegalStateException("cannot map row " + value);
              }
              return value;
            };
    Probe<Integer> probe = new Probe<>();
    conn.publish(fragile, Query.of("SELECT generate_series(1, 100000000)")).subscribe(probe);
    probe.subscription().request(Long.MAX_VALUE);
    Throwable error = probe.awaitEnd();
    assertInstanceOf(IllegalStateException.class, error);
    assertEquals(1999, probe.received.get());
    assertEquals(12, conn.execute("SELECT 12").fetchOne().getInt(0), "the statement was stopped");
  }

  /**
   * Relayed into the JDK's {@link SubmissionPublisher} with a slow consumer: the relay asks for a
   * row only once {@code submit} has taken the previous one (it blocks while the consumer's small
   * buffer is full), so the back-pressure reaches the server end to end.
   */
  @Test
  void aSubmissionPublisherRelayKeepsEveryRowInOrder(Connection conn) throws Exception {
    List<Integer> consumed = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (SubmissionPublisher<Integer> relay =
        new SubmissionPublisher<>(ForkJoinPool.commonPool(), 8)) {
      CompletableFuture<Void> consumer =
          relay.consume(
              value -> {
                if (value % 500 == 0) {
                  LockSupport.parkNanos(1_000_000); // slow now and then
                }
                consumed.add(value);
              });
      conn.publish(
              RowFactories.scalar(Integer.class), Query.of("SELECT generate_series(1, 5000)::int"))
          .subscribe(
              new Flow.Subscriber<Integer>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                  this.subscription = subscription;
                  subscription.request(1);
                }

                @Override
                public void onNext(Integer value) {
                  relay.submit(value);
                  subscription.request(1);
                }

                @Override
                public void onError(Throwable error) {
                  relay.closeExceptionally(error);
                }

                @Override
                public void onComplete() {
                  relay.close();
                }
              });
      consumer.get(30, TimeUnit.SECONDS);
    }
    assertEquals(IntStream.rangeClosed(1, 5000).boxed().toList(), consumed);
  }

  @Test
  void aNullSubscriberIsANullPointerException(Connection conn) {
    assertThrows(NullPointerException.class, () -> conn.publish("SELECT 1").subscribe(null));
  }

  @Test
  void thePublisherIsColdEachSubscriberGetsItsOwnRun(Connection conn) {
    Flow.Publisher<Row> publisher =
        conn.publish("SELECT g FROM generate_series(1, $1::int) g", 2500);
    Flux<Integer> flux = JdkFlowAdapter.flowPublisherToFlux(publisher).map(row -> row.getInt(0));
    List<Integer> first = flux.collectList().block(Duration.ofSeconds(30));
    List<Integer> second = flux.collectList().block(Duration.ofSeconds(30));
    assertEquals(IntStream.rangeClosed(1, 2500).boxed().toList(), first);
    assertEquals(first, second);
  }

  @Test
  void reactorTakesAFewRowsOfAHugeQueryAndCancelsTheRest(Connection conn) {
    List<Long> firstFive =
        JdkFlowAdapter.flowPublisherToFlux(
                conn.publish(
                    RowFactories.scalar(Long.class),
                    Query.of("SELECT generate_series(1, 100000000)")))
            .limitRate(10)
            .take(5)
            .collectList()
            .block(Duration.ofSeconds(30));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), firstFive);
    assertEquals(
        10, conn.execute("SELECT 10").fetchOne().getInt(0), "usable once Reactor cancelled");
  }

  @Test
  void theAsyncFacePublishesTooWithNamedParameters(Connection conn) throws Exception {
    List<String> names =
        JdkFlowAdapter.flowPublisherToFlux(
                conn.async()
                    .publish(
                        RowFactories.scalar(String.class),
                        Query.of("SELECT 'n' || g FROM generate_series(1, :n) g"),
                        Map.of("n", 3)))
            .collectList()
            .toFuture()
            .get(30, TimeUnit.SECONDS);
    assertEquals(List.of("n1", "n2", "n3"), names);
  }

  @Test
  void aNullRowIsRefusedWithAClearError(Connection conn) throws Exception {
    Probe<Integer> probe = new Probe<>();
    conn.publish(RowFactories.scalar(Integer.class), Query.of("SELECT NULL::int")).subscribe(probe);
    probe.subscription().request(1);
    Throwable error = probe.awaitEnd();
    assertInstanceOf(ProgrammingError.class, error);
    assertTrue(error.getMessage().contains("COALESCE"), error.getMessage());
  }
}
