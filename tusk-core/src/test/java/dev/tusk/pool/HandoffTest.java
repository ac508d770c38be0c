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
    List<Handoff.Waiter<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiters.add(handoff.enqueue(0, later()));
    }
    for (int i = 0; i < 5; i++) {
      assertTrue(handoff.give("item" + i));
    }
    for (int i = 0; i < 5; i++) {
      assertEquals("item" + i, waiters.get(i).getNow(null));
    }
    assertFalse(handoff.give("spare"));
    assertTrue(handoff.isEmpty());
  }

  @Test
  void aWithdrawnWaiterIsSkipped() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> first = handoff.enqueue(0, later());
    Handoff.Waiter<String> second = handoff.enqueue(0, later());
    assertNull(handoff.withdraw(first));
    assertTrue(handoff.give("x"));
    assertEquals("x", second.getNow(null));
  }

  @Test
  void withdrawingAfterAHandOffKeepsTheItem() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> waiter = handoff.enqueue(0, later());
    handoff.give("x");
    assertEquals("x", handoff.withdraw(waiter));
  }

  @Test
  void awaitTimesOutWithNull() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> waiter = handoff.enqueue(0, in(20));
    long start = System.nanoTime();
    assertNull(handoff.await(waiter));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(15), "waited its time");
    assertTrue(handoff.isEmpty());
    assertFalse(handoff.give("x"));
  }

  @Test
  void aWaiterPastItsDeadlineGivesUpAtOnce() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> waiter = handoff.enqueue(0, System.nanoTime() - 1);
    assertNull(handoff.await(waiter));
    assertFalse(handoff.give("x"));
  }

  @Test
  void eachWaiterTimesOutAtItsOwnDeadlineWhateverTheOrder() throws Exception {
    Handoff<String> handoff = new Handoff<>();
    // The long wait queues first and arms the timer; the shorter ones must re-arm it earlier.
    Handoff.Waiter<String> longest = handoff.enqueue(0, in(60_000));
    Handoff.Waiter<String> shorter = handoff.enqueue(0, in(400));
    Handoff.Waiter<String> shortest = handoff.enqueue(0, in(50));
    long start = System.nanoTime();
    assertNull(awaitOnThread(handoff, shortest));
    long shortestEnded = System.nanoTime() - start;
    assertNull(awaitOnThread(handoff, shorter));
    long shorterEnded = System.nanoTime() - start;
    assertTrue(shortestEnded < TimeUnit.MILLISECONDS.toNanos(350), "shortest: " + shortestEnded);
    assertTrue(shorterEnded >= TimeUnit.MILLISECONDS.toNanos(300), "shorter: " + shorterEnded);
    assertFalse(longest.isDone(), "the long wait goes on");
    assertTrue(handoff.give("x"));
    assertEquals("x", longest.getNow(null));
  }

  @Test
  void aWaiterServedBeforeItsDeadlineKeepsItsItem() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> waiter = handoff.enqueue(0, in(30));
    assertTrue(handoff.give("x"));
    assertEquals("x", handoff.await(waiter));
  }

  @Test
  void anInterruptedWaiterWithdraws() {
    Handoff<String> handoff = new Handoff<>();
    Handoff.Waiter<String> waiter = handoff.enqueue(0, later());
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
    Handoff.Waiter<String> a = handoff.enqueue(0, later());
    Handoff.Waiter<String> b = handoff.enqueue(0, later());
    handoff.failAll(() -> new PoolClosed("closed"));
    PoolClosed error = assertThrows(PoolClosed.class, () -> handoff.await(a));
    assertEquals("closed", error.getMessage());
    assertTrue(b.isCompletedExceptionally());
    assertSame(null, handoff.withdraw(handoff.enqueue(0, later())));
  }

  private static long later() {
    return in(60_000);
  }

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static String awaitOnThread(Handoff<String> handoff, Handoff.Waiter<String> waiter)
      throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> result.complete(handoff.await(waiter)));
    return result.get(10, TimeUnit.SECONDS);
  }
}
