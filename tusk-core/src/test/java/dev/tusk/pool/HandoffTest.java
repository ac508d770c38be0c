package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The waiter queue: FIFO hand-off, withdrawn waiters skipped, deadlines, the limit, failing
 * everyone.
 */
class HandoffTest {

  @Test
  void itemsGoToWaitersInArrivalOrder() {
    Handoff<String> handoff = new Handoff<>();
    List<Waiter<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiters.add(handoff.enqueue(0, later()));
    }
    for (int i = 0; i < 5; i++) {
      assertTrue(handoff.give("item" + i));
    }
    for (int i = 0; i < 5; i++) {
      assertEquals("item" + i, handoff.await(waiters.get(i)));
    }
    assertFalse(handoff.give("spare"));
    assertTrue(handoff.isEmpty());
  }

  @Test
  void aWithdrawnWaiterIsSkipped() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> first = handoff.enqueue(0, later());
    Waiter<String> second = handoff.enqueue(0, later());
    assertNull(handoff.withdraw(first));
    assertTrue(handoff.give("x"));
    assertEquals("x", handoff.await(second));
  }

  @Test
  void withdrawingAfterAHandOffKeepsTheItem() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> waiter = handoff.enqueue(0, later());
    handoff.give("x");
    assertEquals("x", handoff.withdraw(waiter));
  }

  @Test
  void awaitTimesOutWithNull() {
    Handoff<String> handoff = new Handoff<>();
    long start = System.nanoTime();
    Waiter<String> waiter = handoff.enqueue(0, start + TimeUnit.MILLISECONDS.toNanos(20));
    assertNull(handoff.await(waiter));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(20), "waited its time");
    assertTrue(handoff.isEmpty());
    assertFalse(handoff.give("x"));
  }

  @Test
  void aWaiterPastItsDeadlineGivesUpAtOnce() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> waiter = handoff.enqueue(0, System.nanoTime() - 1);
    assertNull(handoff.await(waiter));
    assertFalse(handoff.give("x"));
  }

  @Test
  void eachWaiterTimesOutAtItsOwnDeadlineWhateverTheOrder() throws Exception {
    Handoff<String> handoff = new Handoff<>();
    // The long wait queues first and arms the timer; the shorter ones must re-arm it earlier.
    Waiter<String> longest = handoff.enqueue(0, in(60_000));
    long start = System.nanoTime();
    CompletableFuture<Long> shorter = waitOnThread(handoff, 600, start);
    CompletableFuture<Long> shortest = waitOnThread(handoff, 50, start);
    long shortestEnded = shortest.get(10, TimeUnit.SECONDS);
    long shorterEnded = shorter.get(10, TimeUnit.SECONDS);
    assertTrue(shortestEnded < TimeUnit.MILLISECONDS.toNanos(500), "shortest: " + shortestEnded);
    assertTrue(shorterEnded >= TimeUnit.MILLISECONDS.toNanos(600), "shorter: " + shorterEnded);
    assertFalse(longest.isDone(), "the long wait goes on");
    assertTrue(handoff.give("x"));
    assertEquals("x", handoff.await(longest));
  }

  @Test
  void onlyTheQueueingThreadMayAwait() throws Exception {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> waiter = handoff.enqueue(0, later());
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                handoff.await(waiter);
                failure.complete(null);
              } catch (Throwable e) {
                failure.complete(e);
              }
            });
    assertTrue(failure.get(10, TimeUnit.SECONDS) instanceof IllegalStateException);
  }

  @Test
  void aWaiterServedBeforeItsDeadlineKeepsItsItem() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> waiter = handoff.enqueue(0, in(30));
    assertTrue(handoff.give("x"));
    assertEquals("x", handoff.await(waiter));
  }

  @Test
  void anInterruptedWaiterWithdraws() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> waiter = handoff.enqueue(0, later());
    Thread.currentThread().interrupt();
    try {
      assertNull(handoff.await(waiter));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
    assertFalse(handoff.give("x"));
  }

  @Test
  void theLimitCountsWaitersUntilTheyLeave() {
    Handoff<String> handoff = new Handoff<>();
    assertTrue(handoff.enqueue(2, later()) != null);
    assertTrue(handoff.enqueue(2, later()) != null);
    assertNull(handoff.enqueue(2, later()));
    assertEquals(2, handoff.waiting());
    handoff.leave();
    assertTrue(handoff.enqueue(2, later()) != null);
  }

  @Test
  void failAllFailsEveryWaiter() {
    Handoff<String> handoff = new Handoff<>();
    Waiter<String> a = handoff.enqueue(0, later());
    Waiter<String> b = handoff.enqueue(0, later());
    handoff.failAll(() -> new PoolClosed("closed"));
    PoolClosed error = assertThrows(PoolClosed.class, () -> handoff.await(a));
    assertEquals("closed", error.getMessage());
    assertThrows(PoolClosed.class, () -> handoff.await(b));
    assertSame(null, handoff.withdraw(handoff.enqueue(0, later())));
  }

  private static long later() {
    return in(60_000);
  }

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Queues a waiter of {@code millis} on a new thread; completes with when its wait ended. */
  private static CompletableFuture<Long> waitOnThread(
      Handoff<String> handoff, long millis, long start) {
    CompletableFuture<Long> ended = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                String item = handoff.await(handoff.enqueue(0, in(millis)));
                if (item != null) {
                  throw new AssertionError("got " + item);
                }
                ended.complete(System.nanoTime() - start);
              } catch (Throwable e) {
                ended.completeExceptionally(e);
              }
            });
    return ended;
  }
}
