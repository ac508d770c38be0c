package dev.tusk.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The buffer between the thread that reads a request's responses and the consumer that takes them
 * (a statement's rows, a COPY's data): it either collects everything (read once the request is
 * done) or, when it streams, holds a bounded amount. While a streaming buffer is full the session
 * reads nothing more, so TCP holds the server back; the consumer's take wakes the reader.
 *
 * @param <T> what is buffered
 */
final class StreamBuffer<T> {

  /** Items a collecting buffer may hold: no limit. */
  static final int COLLECT = Integer.MAX_VALUE;

  /** Bytes a streaming buffer holds at most, whatever its item capacity: wide rows, big chunks. */
  static final long STREAM_BYTES = 8 << 20;

  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock: the items not yet taken, and a reading thread waiting for room.
  private ArrayList<T> items = new ArrayList<>();
  private Thread waitingForRoom;

  // Written under lock, read without it by the checks the reader makes for every message (is the
  // buffer full, has it items): a stale answer only lets one more message in, or waits once more.
  private volatile int buffered;
  private volatile long bytes;
  private volatile int capacity;
  private volatile boolean discarding;

  /**
   * @param capacity how many items it holds before it is full, or {@link #COLLECT}
   */
  StreamBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Adds an item of {@code size} bytes that arrived; called by the reading thread. */
  void add(T item, int size) {
    lock.lock();
    try {
      if (!discarding) {
        items.add(item);
        buffered = items.size();
        bytes += size;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Full once it holds more than its capacity: exactly that many items still fit. */
  boolean isFull() {
    int limit = capacity;
    return !discarding && (buffered > limit || (limit != COLLECT && bytes >= STREAM_BYTES));
  }

  /**
   * Registers the reading thread to be unparked when a consumer makes room; false if there is room
   * already (the caller then reads on).
   */
  boolean waitForRoom(Thread reader) {
    lock.lock();
    try {
      if (!isFull()) {
        return false;
      }
      waitingForRoom = reader;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lifts the limit: everything remaining is collected (the consumer's own thread must read on).
   */
  void collectAll() {
    lock.lock();
    try {
      capacity = COLLECT;
    } finally {
      lock.unlock();
    }
  }

  /** Everything a collecting buffer holds, in order; read once the request is done. */
  List<T> all() {
    return items;
  }

  /** Takes every item buffered now, in order (possibly none), making room for more. */
  List<T> take() {
    return empty(false);
  }

  /** Whether items are buffered that nobody has taken. */
  boolean hasItems() {
    return buffered > 0;
  }

  /** Drops every buffered item and every item still to come: the consumer has gone. */
  void discard() {
    empty(true);
  }

  /**
   * Empties the buffer (and keeps it empty if {@code discard}); wakes a reader waiting for room.
   */
  private List<T> empty(boolean discard) {
    Thread reader;
    List<T> taken;
    lock.lock();
    try {
      if (!discard && items.isEmpty()) {
        return List.of();
      }
      discarding |= discard;
      taken = items;
      items = new ArrayList<>(discard ? 0 : Math.min(taken.size(), 1024));
      buffered = 0;
      bytes = 0;
      reader = waitingForRoom;
      waitingForRoom = null;
    } finally {
      lock.unlock();
    }
    if (reader != null) {
      LockSupport.unpark(reader);
    }
    return discard ? List.of() : taken;
  }
}
