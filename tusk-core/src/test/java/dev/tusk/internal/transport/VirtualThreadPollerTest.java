package dev.tusk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared poller's waits, over pipes (selectable like a socket, no server needed). */
@Timeout(30)
class VirtualThreadPollerTest {

  private final VirtualThreadPoller poller = VirtualThreadPoller.instance();
  private final List<Pipe> pipes = new ArrayList<>();

  @BeforeEach
  void pollerExists() {
    assertTrue(poller != null, "the poller opens a selector");
  }

  @AfterEach
  void closePipes() throws Exception {
    for (Pipe pipe : pipes) {
      pipe.source().close();
      pipe.sink().close();
    }
  }

  private Pipe pipe() throws Exception {
    Pipe pipe = Pipe.open();
    pipe.source().configureBlocking(false);
    pipes.add(pipe);
    return pipe;
  }

  /** Starts a virtual thread's wait on {@code registration}; returns once it is parked. */
  private static CompletableFuture<Boolean> parkedWaiter(
      VirtualThreadPoller.Registration registration, long nanos) throws InterruptedException {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    result.complete(registration.awaitReadable(nanos));
                  } catch (Throwable e) {
                    result.completeExceptionally(e);
                  }
                });
    awaitParked(waiter);
    return result;
  }

  private static void awaitParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING
        && thread.isAlive()) {
      Thread.sleep(1);
    }
  }

  private static void writeOneByte(Pipe pipe) throws Exception {
    pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
  }

  @Test
  void aWaiterWakesWhenBytesArrive() throws Exception {
    Pipe pipe = pipe();
    VirtualThreadPoller.Registration registration = poller.register(pipe.source());
    CompletableFuture<Boolean> woken = parkedWaiter(registration, 0);
    assertFalse(woken.isDone(), "nothing has arrived yet");
    writeOneByte(pipe);
    assertTrue(woken.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aTimedWaitEndsWithoutReadiness() throws Exception {
    VirtualThreadPoller.Registration registration = poller.register(pipe().source());
    long start = System.nanoTime();
    assertFalse(parkedWaiter(registration, 30_000_000L).get(10, TimeUnit.SECONDS));
    assertTrue(System.nanoTime() - start >= 30_000_000L);
  }

  @Test
  void anInterruptEndsTheWaitKeepsTheFlagAndLeavesTheChannelOpen() throws Exception {
    Pipe pipe = pipe();
    VirtualThreadPoller.Registration registration = poller.register(pipe.source());
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  registration.awaitReadable(0);
                  interruptedAfter.complete(Thread.currentThread().isInterrupted());
                });
    awaitParked(waiter);
    waiter.interrupt();
    assertTrue(interruptedAfter.get(10, TimeUnit.SECONDS));
    assertTrue(pipe.source().isOpen());
    // And the registration still works for the next wait.
    CompletableFuture<Boolean> woken = parkedWaiter(registration, 0);
    writeOneByte(pipe);
    assertTrue(woken.get(10, TimeUnit.SECONDS));
  }

  @Test
  void wakeEndsAWaitSpuriously() throws Exception {
    VirtualThreadPoller.Registration registration = poller.register(pipe().source());
    CompletableFuture<Boolean> woken = parkedWaiter(registration, 0);
    registration.wake();
    assertFalse(woken.get(10, TimeUnit.SECONDS));
  }

  @Test
  void cancellingAClosedChannelWakesItsWaiterAndReleasesTheChannel() throws Exception {
    Pipe pipe = pipe();
    VirtualThreadPoller.Registration registration = poller.register(pipe.source());
    CompletableFuture<Boolean> woken = parkedWaiter(registration, 0);
    pipe.source().close();
    registration.cancel();
    woken.get(10, TimeUnit.SECONDS);
    assertThrows(CancelledKeyException.class, () -> registration.awaitReadable(0));
    // The selector lets go at its next select, which cancel() brought about.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pipe.source().isRegistered() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(pipe.source().isRegistered());
  }

  @Test
  void manyChannelsWakeTheirOwnWaiters() throws Exception {
    List<Pipe> many = new ArrayList<>();
    List<CompletableFuture<Boolean>> waits = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      Pipe pipe = pipe();
      many.add(pipe);
      waits.add(parkedWaiter(poller.register(pipe.source()), 0));
    }
    // Only the even ones get bytes: the odd ones must still be waiting.
    for (int i = 0; i < many.size(); i += 2) {
      writeOneByte(many.get(i));
    }
    for (int i = 0; i < many.size(); i += 2) {
      assertTrue(waits.get(i).get(10, TimeUnit.SECONDS), "waiter " + i);
    }
    for (int i = 1; i < many.size(); i += 2) {
      assertFalse(waits.get(i).isDone(), "waiter " + i + " had nothing to read");
      writeOneByte(many.get(i));
      assertTrue(waits.get(i).get(10, TimeUnit.SECONDS), "waiter " + i);
    }
  }

  /** Arming and readiness race on every round: a lost wake-up would leave a round stuck. */
  @Test
  void noWakeUpIsLostOverManyRounds() throws Exception {
    Pipe pipe = pipe();
    VirtualThreadPoller.Registration registration = poller.register(pipe.source());
    int rounds = 5_000;
    Semaphore taken = new Semaphore(0);
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  ByteBuffer one = ByteBuffer.allocate(1);
                  try {
                    for (int round = 0; round < rounds; round++) {
                      one.clear();
                      while (pipe.source().read(one) == 0) {
                        registration.awaitReadable(0);
                      }
                      taken.release();
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    for (int round = 0; round < rounds; round++) {
      writeOneByte(pipe);
      assertTrue(taken.tryAcquire(10, TimeUnit.SECONDS), "round " + round + " was woken");
    }
    reader.join();
    assertEquals(0, pipe.source().read(ByteBuffer.allocate(1)), "every byte was read");
  }
}
