package dev.tusk.it.reactive;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A subscriber that records what it receives, for tests: items in a queue, the terminal signal as a
 * future (null for onComplete, the error for onError), signals after the end, and the threads that
 * called it.
 */
final class Probe<T> implements Flow.Subscriber<T> {

  final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();
  final CompletableFuture<Throwable> end = new CompletableFuture<>();
  final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
  final List<Thread> threads = new ArrayList<>();
  final AtomicInteger afterEnd = new AtomicInteger();
  final AtomicInteger received = new AtomicInteger();
  private final Consumer<T> onNext;

  Probe() {
    this(item -> {});
  }

  /**
   * @param onNext runs for each item after it is recorded (may throw, or request more)
   */
  Probe(Consumer<T> onNext) {
    this.onNext = onNext;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscribed.complete(subscription);
  }

  @Override
  public void onNext(T item) {
    if (end.isDone()) {
      afterEnd.incrementAndGet();
    }
    synchronized (threads) {
      if (threads.isEmpty() || threads.get(threads.size() - 1) != Thread.currentThread()) {
        threads.add(Thread.currentThread());
      }
    }
    received.incrementAndGet();
    items.add(item);
    onNext.accept(item);
  }

  @Override
  public void onError(Throwable error) {
    if (!end.complete(error)) {
      afterEnd.incrementAndGet();
    }
  }

  @Override
  public void onComplete() {
    if (!end.complete(null)) {
      afterEnd.incrementAndGet();
    }
  }

  Flow.Subscription subscription() throws Exception {
    return subscribed.get(10, TimeUnit.SECONDS);
  }

  /** The next item, waiting up to 10 s for it. */
  T take() throws InterruptedException {
    T item = items.poll(10, TimeUnit.SECONDS);
    assertNotNull(item, "no item arrived within 10 s");
    return item;
  }

  /** Asserts no item arrives within {@code millis}. */
  void expectNoItem(long millis) throws InterruptedException {
    assertNull(items.poll(millis, TimeUnit.MILLISECONDS), "an item arrived without demand");
  }

  /** The terminal signal: null for onComplete, else the error. */
  Throwable awaitEnd() throws Exception {
    try {
      return end.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("neither onComplete nor onError within 30 s", e);
    }
  }
}
