package dev.tusk.internal.client;

import java.lang.System.Logger.Level;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscription to a Tusk publisher, following the Reactive Streams rules: the subscriber's
 * demand accumulates (capped at {@link Long#MAX_VALUE}, which means unbounded), {@code request(n)}
 * with {@code n <= 0} ends the subscription with {@link IllegalArgumentException} (§3.9), {@code
 * cancel()} is idempotent and makes later requests do nothing, and a subscriber that throws is
 * treated as having cancelled (§2.13).
 *
 * <p>Every signal after {@code onSubscribe} comes from one virtual thread of the subscription's own
 * (the emitter), so they are serial (§1.3) and a {@code request} made inside {@code onNext} only
 * adds demand, never recursion. The emitter starts at the first request after {@code onSubscribe}
 * has returned; a subscription cancelled before that never starts one.
 *
 * @param <T> what the subscriber receives
 */
abstract class FlowSubscription<T> implements Flow.Subscription {

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.flow");

  private final Flow.Subscriber<? super T> subscriber;
  private final Thread emitter;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean subscribed;
  private volatile boolean cancelled;
  private volatile IllegalArgumentException badRequest;

  FlowSubscription(Flow.Subscriber<? super T> subscriber, String threadName) {
    this.subscriber = subscriber;
    this.emitter = Thread.ofVirtual().name(threadName).unstarted(this::emit);
  }

  /** Hands this subscription to its subscriber; called once by the publisher's subscribe. */
  final void start() {
    try {
      subscriber.onSubscribe(this);
    } catch (RuntimeException | Error e) {
      // §2.13: a subscriber that throws is gone; nothing more is signalled to it.
      subscriberFailed("onSubscribe", e);
      stopSource();
      return;
    }
    subscribed = true;
    wake();
  }

  @Override
  public final void request(long n) {
    if (cancelled) {
      return; // §3.6
    }
    if (n <= 0) {
      if (badRequest == null) {
        badRequest =
            new IllegalArgumentException(
                "request(n) needs n > 0 (Reactive Streams §3.9), not " + n);
      }
    } else {
      demand.getAndUpdate(now -> now + n < 0 ? Long.MAX_VALUE : now + n);
    }
    wake();
  }

  @Override
  public final void cancel() {
    if (!cancelled) {
      cancelled = true;
      stopSource();
      wake();
    }
  }

  /** Starts the emitter once there is something to do, or wakes it. */
  final void wake() {
    if (!subscribed) {
      return;
    }
    if (started.get()) {
      LockSupport.unpark(emitter);
    } else if ((demand.get() > 0 || badRequest != null || startsUnasked())
        && !cancelled
        && started.compareAndSet(false, true)) {
      emitter.start();
    }
  }

  private void emit() {
    try {
      run();
    } finally {
      finished();
    }
  }

  /**
   * Whether the emitter starts without a request: for a source known to have failed already, whose
   * error may be signalled at once (§1.4).
   */
  boolean startsUnasked() {
    return false;
  }

  /** The emitter's work: wait for demand, produce items, end with a terminal signal or cancel. */
  abstract void run();

  /** Stops the source at once, on whichever thread cancelled (the emitter then winds down). */
  abstract void stopSource();

  /** Runs on the emitter once it is done, whatever happened: releases the source. */
  abstract void finished();

  /** Whether the subscription is over for the source: cancelled, failed or badly requested. */
  final boolean cancelled() {
    return cancelled;
  }

  /**
   * Waits until the subscriber wants an item: true then, false once the subscription is over (a bad
   * request has been signalled as onError by then).
   */
  final boolean awaitDemand() {
    while (true) {
      if (over()) {
        return false;
      }
      if (demand.get() > 0) {
        return true;
      }
      LockSupport.park(this);
    }
  }

  /**
   * Whether the subscription is over (cancelled, ended, or badly requested: that onError is then
   * signalled here).
   */
  final boolean over() {
    return checkBadRequest() || cancelled;
  }

  /** Parks the emitter until woken or {@code nanos} pass; {@link #wake()} wakes it. */
  final void pause(long nanos) {
    LockSupport.parkNanos(this, nanos);
  }

  /** Whether the subscriber has asked for an item (without waiting). */
  final boolean hasDemand() {
    return demand.get() > 0;
  }

  private boolean checkBadRequest() {
    IllegalArgumentException bad = badRequest;
    if (bad == null || cancelled) {
      return false;
    }
    cancelled = true;
    stopSource();
    signal(() -> subscriber.onError(bad), "onError");
    return true;
  }

  /**
   * Delivers one item the subscriber asked for; false if the subscription is over (cancelled, or
   * the subscriber threw, which cancels it).
   */
  final boolean next(T item) {
    if (checkBadRequest() || cancelled) {
      return false;
    }
    if (demand.get() != Long.MAX_VALUE) {
      demand.decrementAndGet();
    }
    try {
      subscriber.onNext(item);
      return true;
    } catch (RuntimeException | Error e) {
      cancelled = true;
      stopSource();
      subscriberFailed("onNext", e);
      return false;
    }
  }

  /** Signals the end, unless the subscription is over already. */
  final void complete() {
    if (!checkBadRequest() && !cancelled) {
      cancelled = true;
      signal(subscriber::onComplete, "onComplete");
    }
  }

  /** Signals a failure, unless the subscription is over already (a cancel's own error is not). */
  final void fail(Throwable error) {
    if (!checkBadRequest() && !cancelled) {
      cancelled = true;
      signal(() -> subscriber.onError(error), "onError");
    }
  }

  private void signal(Runnable terminal, String method) {
    try {
      terminal.run();
    } catch (RuntimeException | Error e) {
      subscriberFailed(method, e);
    }
  }

  private void subscriberFailed(String method, Throwable e) {
    cancelled = true;
    LOGGER.log(
        Level.WARNING,
        "a subscriber threw from " + method + "; its subscription is cancelled (§2.13)",
        e);
  }
}
