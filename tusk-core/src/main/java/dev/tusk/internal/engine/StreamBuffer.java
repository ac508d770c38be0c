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

  /** Items {@link #stage} holds back at most before it publishes them. */
  static final int STAGE_LIMIT = 64;

  /**
   * The largest list {@link #take(List)} reuses, and the most room a new one starts with: a list
   * that once held a whole collected result is not kept alive for the next batches.
   */
  private static final int RECYCLED_ITEMS = 1024;

  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock: the items not yet taken, and a reading thread waiting for room.
  private ArrayList<T> items = new ArrayList<>();
  private Thread waitingForRoom;
  // Guarded by lock: an empty list a consumer handed back, the next to fill (take(List)).
  private ArrayList<T> spare;

  // Written under lock, read without it by the checks the reader makes for every message (is the
  // buffer full, has it items): a stale answer only lets one more message in, or waits once more.
  private volatile int buffered;
  private volatile long bytes;
  private volatile int capacity;
  private volatile boolean discarding;

  // Owned by whichever thread holds the session's read role (the role's lock orders them): items
  // that arrived but that the consumer cannot see yet, published in batches by publish().
  private ArrayList<T> staged = new ArrayList<>();
  private long stagedBytes;

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

  /**
   * Adds an item of {@code size} bytes that arrived, visible to the consumer only once {@link
   * #publish()}ed (at the latest when {@link #STAGE_LIMIT} items are held back): the reading thread
   * routes a burst of rows without taking the lock for each. Called by the reading thread, which
   * publishes before it may wait, lets go of the role, or ends the result.
   */
  void stage(T item, int size) {
    if (discarding) {
      return;
    }
    staged.add(item);
    stagedBytes += size;
    if (staged.size() >= STAGE_LIMIT) {
      publish();
    }
  }

  /** Makes every staged item visible to the consumer; called by the reading thread. */
  void publish() {
    if (staged.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      if (!discarding) {
        if (items.isEmpty()) {
          ArrayList<T> published = staged;
          staged = items;
          items = published;
        } else {
          // Item by item: addAll would copy the staged items into a new array first.
          for (int i = 0, count = staged.size(); i < count; i++) {
            items.add(staged.get(i));
          }
        }
        buffered = items.size();
        bytes += stagedBytes;
      }
    } finally {
      lock.unlock();
    }
    staged.clear();
    stagedBytes = 0;
  }

  /**
   * Full once it holds more than its capacity (staged items included): exactly that many items
   * still fit. Asked by the reading thread.
   */
  boolean isFull() {
    int limit = capacity;
    int held = staged.size();
    return !discarding
        && (buffered + held > limit || (limit != COLLECT && bytes + stagedBytes >= STREAM_BYTES));
  }

  /** Whether more than {@code count} items arrived (staged ones included); asked by the reader. */
  boolean holdsMoreThan(int count) {
    return buffered + staged.size() > count;
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
    return empty(false, null);
  }

  /**
   * Takes every item buffered now, as {@link #take()}, and reuses {@code spent} for the items still
   * to come, so that a stream's batches cost no list each: the consumer hands back the list an
   * earlier take returned once it has read it (it is cleared here, and must not be read again), or
   * null.
   */
  List<T> take(List<T> spent) {
    ArrayList<T> spare = null;
    if (spent instanceof ArrayList<T> list && list.size() <= RECYCLED_ITEMS) {
      list.clear();
      spare = list;
    }
    return empty(false, spare);
  }

  /** Whether items are buffered that nobody has taken. */
  boolean hasItems() {
    return buffered > 0;
  }

  /** Drops every buffered item and every item still to come: the consumer has gone. */
  void discard() {
    empty(true, null);
  }

  /**
   * Empties the buffer (and keeps it empty if {@code discard}), refilling it into {@code spare} (an
   * empty list, or null for a new one); wakes a reader waiting for room.
   */
  private List<T> empty(boolean discard, ArrayList<T> spare) {
    Thread reader;
    List<T> taken;
    lock.lock();
    try {
      if (spare != null) {
        this.spare = spare;
      }
      if (!discard && items.isEmpty()) {
        return List.of();
      }
      discarding |= discard;
      taken = items;
      if (discard) {
        items = new ArrayList<>(0);
      } else if (this.spare != null) {
        items = this.spare;
      } else {
        items = new ArrayList<>(Math.min(taken.size(), RECYCLED_ITEMS));
      }
      this.spare = null;
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
