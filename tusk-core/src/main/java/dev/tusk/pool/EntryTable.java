package dev.tusk.pool;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of a pool, as a copy-on-write array: readers scan a snapshot without locking, and
 * only the rare add or remove copies it. Scans start at index 0, so the same few connections stay
 * busy and the rest stay idle long enough to be closed by {@code maxIdle}.
 */
final class EntryTable {

  private static final PoolEntry[] NONE = new PoolEntry[0];

  private final ReentrantLock lock = new ReentrantLock();
  private volatile PoolEntry[] entries = NONE;

  /** A free entry, now claimed for exclusive use, or null if none is free. */
  PoolEntry claimIdle() {
    for (PoolEntry entry : entries) {
      if (entry.claim()) {
        return entry;
      }
    }
    return null;
  }

  /**
   * The entry with the fewest shared one-shots in flight, now joined by one more, or null if every
   * entry is lent, reserved or retired.
   */
  PoolEntry claimShared() {
    while (true) {
      PoolEntry best = null;
      int fewest = Integer.MAX_VALUE;
      for (PoolEntry entry : entries) {
        int state = entry.state();
        if (state >= 0 && state < fewest) {
          best = entry;
          fewest = state;
        }
      }
      if (best == null || best.share(fewest)) {
        return best;
      }
    }
  }

  /** Adds an entry. */
  void add(PoolEntry entry) {
    lock.lock();
    try {
      PoolEntry[] grown = Arrays.copyOf(entries, entries.length + 1);
      grown[entries.length] = entry;
      entries = grown;
    } finally {
      lock.unlock();
    }
  }

  /** Removes an entry; false if it was not there. */
  boolean remove(PoolEntry entry) {
    lock.lock();
    try {
      PoolEntry[] current = entries;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == entry) {
          PoolEntry[] shrunk = new PoolEntry[current.length - 1];
          System.arraycopy(current, 0, shrunk, 0, i);
          System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
          entries = shrunk;
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** A snapshot of the entries, in scan order. */
  PoolEntry[] snapshot() {
    return entries;
  }

  int size() {
    return entries.length;
  }

  /** How many entries are free for exclusive use now. */
  int available() {
    int free = 0;
    for (PoolEntry entry : entries) {
      if (entry.state() == 0) {
        free++;
      }
    }
    return free;
  }
}
