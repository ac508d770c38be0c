package dev.tusk.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The FIFO under {@link InFlight}: a ring of slots that grows when full. A request costs no queue
 * node, and the reader, which looks at the head several times per response, takes no lock to look.
 *
 * <p>Changes ({@link #add}, {@link #removeLast}, {@link #poll}) are made under one lock, so they
 * never race each other, whichever threads make them. The lock is a flag taken by compare-and-set:
 * a change takes a few stores (growing, rarely, a copy of the queued), and a submitter's add and
 * the reader's poll rarely meet, so a thread that finds it taken spins briefly rather than parks.
 * Looks ({@link #peek}, {@link #isEmpty}, {@link #holdsMoreThanOne}) take no lock: they read the
 * head position, the slot, and the head position again, and look again if it moved. A slot is only
 * ever cleared or reused after the head has passed it (or, for {@link #removeLast}, before the tail
 * is moved back), and a larger ring is published only after every live slot was copied into it, so
 * a look that finds the head where it was has read the element at the head at that moment.
 *
 * @param <E> the elements
 */
final class RequestFifo<E> {

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  /** Slots of a new ring, and of the ring an emptied large one shrinks back to. */
  static final int INITIAL_SLOTS = 16;

  /** A ring larger than this is replaced by a small one when it empties. */
  static final int KEPT_SLOTS = 256;

  private static final VarHandle CHANGING;

  static {
    try {
      CHANGING = MethodHandles.lookup().findVarHandle(RequestFifo.class, "changing", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Spins a thread waits for the lock before it yields its processor. */
  private static final int SPINS_BEFORE_YIELD = 64;

  // 1 while a change is made.
  @SuppressWarnings("unused") // through CHANGING
  private volatile int changing;

  // A power of two in length; position p lives in slot p & (length - 1).
  private volatile Object[] slots = new Object[INITIAL_SLOTS];

  // Positions grow forever: head is the first element's, tail the next one's.
  private volatile long head;
  private volatile long tail;

  /** Adds {@code element} at the tail. */
  void add(E element) {
    lock();
    try {
      long end = tail;
      Object[] ring = slots;
      if (end - head == ring.length) {
        ring = grow(ring, head, end);
      }
      SLOTS.setRelease(ring, slot(ring, end), element);
      tail = end + 1;
    } finally {
      unlock();
    }
  }

  private void lock() {
    int spins = 0;
    while (!CHANGING.compareAndSet(this, 0, 1)) {
      if (spins < SPINS_BEFORE_YIELD) {
        spins++;
        Thread.onSpinWait();
      } else {
        // The holder may have lost its processor: let it have one.
        Thread.yield();
      }
    }
  }

  private void unlock() {
    CHANGING.setRelease(this, 0);
  }

  /** A ring twice as large holding the same elements at the same positions, published. */
  private Object[] grow(Object[] ring, long first, long end) {
    Object[] larger = new Object[ring.length * 2];
    for (long position = first; position < end; position++) {
      larger[slot(larger, position)] = ring[slot(ring, position)];
    }
    slots = larger;
    return larger;
  }

  /**
   * Takes back {@code element} if it was added last and is still here; does nothing if it has left
   * already (polled). Only the last element can be taken back: anything else is a caller's bug.
   *
   * @return whether it was taken back
   * @throws IllegalStateException if {@code element} is here but not last
   */
  boolean removeLast(E element) {
    lock();
    try {
      long end = tail;
      Object[] ring = slots;
      if (end > head && ring[slot(ring, end - 1)] == element) {
        // Cleared before the tail moves back: a look that still finds it finds it in the queue.
        SLOTS.setRelease(ring, slot(ring, end - 1), null);
        tail = end - 1;
        return true;
      }
      for (long position = head; position < end; position++) {
        if (ring[slot(ring, position)] == element) {
          throw new IllegalStateException("only the request added last can be taken back");
        }
      }
      return false;
    } finally {
      unlock();
    }
  }

  /** Takes the head off, or returns null if there is none. */
  E poll() {
    lock();
    try {
      long first = head;
      if (first == tail) {
        return null;
      }
      Object[] ring = slots;
      int slot = slot(ring, first);
      @SuppressWarnings("unchecked")
      E element = (E) ring[slot];
      // The head moves before the slot is cleared, so a look that read the slot as cleared sees
      // the head moved and looks again.
      head = first + 1;
      SLOTS.setRelease(ring, slot, null);
      if (first + 1 == tail && ring.length > KEPT_SLOTS) {
        // A burst made the ring large; an empty one need not stay so.
        slots = new Object[INITIAL_SLOTS];
      }
      return element;
    } finally {
      unlock();
    }
  }

  /**
   * The head, or null if there is none. The tail, which every submitter writes, is not read: the
   * head's slot is empty exactly when nothing was added there yet or it was taken back, since the
   * ring never holds more than its length and every slot is cleared before it is reused.
   */
  E peek() {
    while (true) {
      long first = head;
      E element = at(first);
      if (head == first) {
        return element;
      }
    }
  }

  /** Whether nothing is queued. */
  boolean isEmpty() {
    return peek() == null;
  }

  /**
   * Whether more than one element is queued: weakly, as an iterator would say it, since the head
   * may leave right after.
   */
  boolean holdsMoreThanOne() {
    long first = head;
    return tail - first > 1;
  }

  /** What the slot of {@code position} holds now (null, or a later position's element). */
  @SuppressWarnings("unchecked")
  private E at(long position) {
    Object[] ring = slots;
    return (E) SLOTS.getAcquire(ring, slot(ring, position));
  }

  private static int slot(Object[] ring, long position) {
    return (int) (position & (ring.length - 1));
  }
}
