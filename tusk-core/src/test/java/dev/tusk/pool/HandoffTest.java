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

/** The waiter queue: FIFO hand-off, withdrawn waiters skipped, the limit, failing everyone. */
class HandoffTest {

  @Test
  void itemsGoToWaitersInArrivalOrder() {
    Handoff<String> handoff = new Handoff<>();
    List<CompletableFuture<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiters.add(handoff.enqueue(0));
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
    CompletableFuture<String> first = handoff.enqueue(0);
    CompletableFuture<String> second = handoff.enqueue(0);
    assertNull(handoff.withdraw(first));
    assertTrue(handoff.give("x"));
    assertEquals("x", second.getNow(null));
  }

  @Test
  void withdrawingAfterAHandOffKeepsTheItem() {
    Handoff<String> handoff = new Handoff<>();
    CompletableFuture<String> waiter = handoff.enqueue(0);
    handoff.give("x");
    assertEquals("x", handoff.withdraw(waiter));
  }

  @Test
  void awaitTimesOutWithNull() {
    Handoff<String> handoff = new Handoff<>();
    CompletableFuture<String> waiter = handoff.enqueue(0);
    assertNull(handoff.await(waiter, TimeUnit.MILLISECONDS.toNanos(20)));
    assertTrue(handoff.isEmpty());
    assertFalse(handoff.give("x"));
  }

  @Test
  void theLimitCountsWaitersUntilTheyLeave() {
    Handoff<String> handoff = new Handoff<>();
    assertTrue(handoff.enqueue(2) != null);
    assertTrue(handoff.enqueue(2) != null);
    assertNull(handoff.enqueue(2));
    assertEquals(2, handoff.waiting());
    handoff.leave();
    assertTrue(handoff.enqueue(2) != null);
  }

  @Test
  void failAllFailsEveryWaiter() {
    Handoff<String> handoff = new Handoff<>();
    CompletableFuture<String> a = handoff.enqueue(0);
    CompletableFuture<String> b = handoff.enqueue(0);
    handoff.failAll(() -> new PoolClosed("closed"));
    PoolClosed error = assertThrows(PoolClosed.class, () -> handoff.await(a, 1_000_000));
    assertEquals("closed", error.getMessage());
    assertTrue(b.isCompletedExceptionally());
    assertSame(null, handoff.withdraw(handoff.enqueue(0)));
  }
}
