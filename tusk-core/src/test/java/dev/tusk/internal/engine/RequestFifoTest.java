package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-flight FIFO: order, taking back the last request, growth, and looks under changes. */
class RequestFifoTest {

  /** An element that remembers when it was polled and whether it was taken back. */
  private static final class Request {
    final int producer;
    final int sequence;
    volatile long polledAs = -1;
    volatile boolean takenBack;

    Request(int producer, int sequence) {
      this.producer = producer;
      this.sequence = sequence;
    }
  }

  @Test
  void keepsOrderAcrossGrowingAndShrinking() {
    RequestFifo<Integer> fifo = new RequestFifo<>();
    int many = RequestFifo.KEPT_SLOTS * 4;
    for (int round = 0; round < 3; round++) {
      assertTrue(fifo.isEmpty());
      assertNull(fifo.peek());
      assertNull(fifo.poll());
      for (int i = 0; i < many; i++) {
        fifo.add(i);
        assertEquals(0, fifo.peek());
      }
      assertTrue(fifo.holdsMoreThanOne());
      for (int i = 0; i < many; i++) {
        assertEquals(i, fifo.peek());
        assertEquals(i, fifo.poll());
      }
      assertFalse(fifo.holdsMoreThanOne());
    }
  }

  @Test
  void keepsOrderWhileTheHeadMovesAroundTheRing() {
    RequestFifo<Integer> fifo = new RequestFifo<>();
    int next = 0;
    int expected = 0;
    for (int step = 0; step < 10_000; step++) {
      // Two in, one out: the ring wraps, then grows with its head in the middle.
      fifo.add(next++);
      if (step % 3 != 0) {
        fifo.add(next++);
      }
      assertEquals(expected, fifo.peek());
      assertEquals(expected++, fifo.poll());
    }
    while (!fifo.isEmpty()) {
      assertEquals(expected++, fifo.poll());
    }
    assertEquals(next, expected);
  }

  @Test
  void takesBackOnlyTheLastRequest() {
    RequestFifo<String> fifo = new RequestFifo<>();
    fifo.add("a");
    fifo.add("b");
    assertThrows(IllegalStateException.class, () -> fifo.removeLast("a"));
    assertTrue(fifo.removeLast("b"));
    assertFalse(fifo.holdsMoreThanOne());
    assertEquals("a", fifo.peek());
    // One that has left already (polled when the session failed, say) is no longer there.
    assertEquals("a", fifo.poll());
    assertFalse(fifo.removeLast("a"));
    assertTrue(fifo.isEmpty());
    fifo.add("c");
    assertEquals("c", fifo.poll());
  }

  /**
   * Producers add (and sometimes take back, under their own lock, as the session does) while one
   * thread polls and another keeps looking: every request added and not taken back is polled once,
   * each producer's in order, and a look never returns a request that was taken back.
   */
  @Test
  void producersThePollerAndALookerRace() throws Exception {
    RequestFifo<Request> fifo = new RequestFifo<>();
    int producers = 4;
    int each = 20_000;
    Object submitLock = new Object();
    AtomicBoolean producing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch producersDone = new CountDownLatch(producers);
    int[] takenBack = new int[producers];
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      Request request = new Request(producer, i);
                      synchronized (submitLock) {
                        fifo.add(request);
                        // Unless the poller took it already (the session's reader never does: a
                        // request taken back was never sent, so it gets no answer).
                        if (i % 7 == 3 && fifo.removeLast(request)) {
                          request.takenBack = true;
                          takenBack[producer]++;
                        }
                      }
                    }
                    producersDone.countDown();
                  }));
    }
    long[] polled = new long[1];
    List<List<Request>> byProducer = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      byProducer.add(new ArrayList<>());
    }
    Thread poller =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (producing.get() || !fifo.isEmpty()) {
                    Request request = fifo.poll();
                    if (request == null) {
                      Thread.onSpinWait();
                      continue;
                    }
                    if (request.takenBack || request.polledAs >= 0) {
                      failures.add(new AssertionError("polled a request taken back or twice"));
                    }
                    synchronized (polled) {
                      request.polledAs = polled[0]++;
                    }
                    byProducer.get(request.producer).add(request);
                  }
                });
    Thread looker =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (producing.get()) {
                    // With the producers' lock held no take-back is half done: one taken back
                    // must be gone.
                    synchronized (submitLock) {
                      Request seen = fifo.peek();
                      if (seen != null && seen.takenBack) {
                        failures.add(new AssertionError("a request taken back is still seen"));
                      }
                    }
                  }
                });
    producersDone.await();
    producing.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    poller.join();
    looker.join();
    if (!failures.isEmpty()) {
      fail(failures.peek());
    }
    for (int p = 0; p < producers; p++) {
      List<Request> requests = byProducer.get(p);
      int last = -1;
      for (Request request : requests) {
        if (request.sequence <= last) {
          fail("producer " + request.producer + " out of order: " + request.sequence);
        }
        last = request.sequence;
      }
      assertEquals(each - takenBack[p], requests.size(), "producer " + p);
    }
  }

  @Test
  void aLookAtTheHeadNeverReturnsOneAlreadyPolled() throws Exception {
    RequestFifo<Request> fifo = new RequestFifo<>();
    int count = 200_000;
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    // The poller publishes how many it has polled after marking each one.
    long[] polledCount = new long[1];
    Object counter = new Object();
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < count; i++) {
                    fifo.add(new Request(0, i));
                    if (i % 64 == 0) {
                      Thread.yield();
                    }
                  }
                });
    Thread poller =
        Thread.ofPlatform()
            .start(
                () -> {
                  long n = 0;
                  while (n < count) {
                    Request request = fifo.poll();
                    if (request == null) {
                      Thread.onSpinWait();
                      continue;
                    }
                    synchronized (counter) {
                      request.polledAs = n++;
                      polledCount[0] = n;
                    }
                  }
                  running.set(false);
                });
    Thread looker =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (running.get()) {
                    long before;
                    synchronized (counter) {
                      before = polledCount[0];
                    }
                    Request seen = fifo.peek();
                    long after;
                    synchronized (counter) {
                      after = polledCount[0];
                    }
                    if (seen != null && seen.polledAs >= 0 && seen.polledAs < before) {
                      failures.add(
                          "looked at request "
                              + seen.sequence
                              + ", polled as "
                              + seen.polledAs
                              + " before the look began ("
                              + before
                              + " polled)");
                    }
                    // One producer: request n is at the head when n have been polled (n + 1 while
                    // a poll is under way), so a look may only see one of those.
                    if (seen != null && seen.sequence > after + 1) {
                      failures.add(
                          "looked at request " + seen.sequence + " with only " + after + " polled");
                    }
                  }
                });
    producer.join();
    poller.join();
    looker.join();
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    assertSame(null, fifo.peek());
  }
}
