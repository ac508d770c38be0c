package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where one reader stores the bodies of small DataRows: one after another in shared chunks, which
 * go back to a process-wide pool once every row placed in them has been released, so that rows a
 * consumer reads and lets go of (a row maker's, a result set's) cost no array each.
 *
 * <p>A chunk starts with a count (eight bytes of header), then holds rows as {@code [int32
 * length][body]}. The count is the rows placed minus the rows released: a reader counts its
 * placements privately and adds them when it seals the chunk (moves on to the next), consumers
 * subtract one per release. Before the seal the count is never positive, so whoever brings it to
 * zero after the seal (the sealing reader or the last release) is the one who recycles the chunk. A
 * row that is never released (kept, dropped, read by the driver itself) only keeps its chunk out of
 * the pool; the garbage collector takes it as usual.
 *
 * <p>Placing is the reader's alone (the session's read role orders its threads); releasing may
 * happen on any thread, once per row.
 */
public final class RowChunks {

  /** The size of a chunk. */
  static final int CHUNK_BYTES = 16 * 1024;

  /** The largest body placed in a chunk; larger rows get an array of their own. */
  public static final int MAX_BODY = 2 * 1024;

  // A chunk's header: a lock byte guarding the count that follows. Heap arrays offer no atomic
  // update wider than their element, so the count is updated under a lock of one byte.
  private static final int LOCK_AT = 0;
  private static final int COUNT_AT = 4;

  /** Where the first row's length field starts: after the header. */
  private static final int FIRST = 8;

  private static final VarHandle LOCK = MethodHandles.arrayElementVarHandle(byte[].class);

  /** The pool every reader's chunks return to. */
  private static final Pool SHARED = new Pool(32);

  private final Pool pool;
  private byte[] chunk;
  private int fill;
  private int placed;

  /** Places rows in chunks of the process-wide pool. */
  RowChunks() {
    this(SHARED);
  }

  /** Places rows in chunks of {@code pool} (for tests: releases then go to that pool). */
  RowChunks(Pool pool) {
    this.pool = pool;
  }

  /**
   * Copies a body of {@code length} bytes (at most {@link #MAX_BODY}) into the current chunk, or
   * into a new one if it does not fit, and returns where it starts there; {@link #chunk()} is then
   * the chunk that holds it.
   */
  int place(byte[] source, int offset, int length) {
    if (chunk == null || CHUNK_BYTES - fill < 4 + length) {
      seal();
      chunk = pool.take();
      fill = FIRST;
    }
    BigEndian.putInt32(chunk, fill, length);
    int start = fill + 4;
    System.arraycopy(source, offset, chunk, start, length);
    fill = start + length;
    placed++;
    return start;
  }

  /** The chunk the last {@link #place} wrote to. */
  byte[] chunk() {
    return chunk;
  }

  /** The length of the body placed at {@code start} in {@code chunk}. */
  public static int length(byte[] chunk, int start) {
    return BigEndian.int32(chunk, start - 4);
  }

  /**
   * Lets go of one row placed in {@code chunk} by a reader of the process-wide pool; see {@link
   * Pool#release}.
   */
  public static void release(byte[] chunk) {
    SHARED.release(chunk);
  }

  /** Stops placing in the current chunk: it is recycled now if all its rows were released. */
  private void seal() {
    if (chunk != null) {
      if (add(chunk, placed) == 0) {
        pool.recycle(chunk);
      }
      chunk = null;
      placed = 0;
    }
  }

  /** Adds {@code delta} to the count of {@code chunk} and returns the new count. */
  private static int add(byte[] chunk, int delta) {
    for (int spins = 0; !LOCK.compareAndSet(chunk, LOCK_AT, (byte) 0, (byte) 1); spins++) {
      // Held for a few instructions: spin, and let others run if the holder was descheduled.
      if (spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    int count = BigEndian.int32(chunk, COUNT_AT) + delta;
    BigEndian.putInt32(chunk, COUNT_AT, count);
    LOCK.setRelease(chunk, LOCK_AT, (byte) 0);
    return count;
  }

  /** Chunks kept for reuse: a bounded number, taken and returned by any thread. */
  static final class Pool {
    private final AtomicReferenceArray<byte[]> slots;

    Pool(int size) {
      slots = new AtomicReferenceArray<>(size);
    }

    /**
     * Lets go of one row placed in {@code chunk}; the chunk is recycled once every row placed in it
     * has been released and its reader has moved on. At most once per row.
     */
    void release(byte[] chunk) {
      if (add(chunk, -1) == 0) {
        recycle(chunk);
      }
    }

    /** Whether {@code chunk} waits in the pool (for tests). */
    boolean holds(byte[] chunk) {
      for (int i = 0; i < slots.length(); i++) {
        if (slots.get(i) == chunk) {
          return true;
        }
      }
      return false;
    }

    private byte[] take() {
      for (int i = 0; i < slots.length(); i++) {
        byte[] pooled = slots.getPlain(i);
        if (pooled != null && slots.compareAndSet(i, pooled, null)) {
          return pooled; // its count is back at zero: the last release made it so
        }
      }
      return new byte[CHUNK_BYTES];
    }

    private void recycle(byte[] chunk) {
      for (int i = 0; i < slots.length(); i++) {
        if (slots.getPlain(i) == null && slots.compareAndSet(i, null, chunk)) {
          return;
        }
      }
      // The pool is full: the garbage collector takes the chunk.
    }
  }
}
