package dev.tusk.it.largeobject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.LargeObjects;
import dev.tusk.Transaction;
import dev.tusk.testing.TuskTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100 MiB into a large object and back out, streamed: the bytes are generated on the fly and
 * checked by digest, and the heap in use (measured after a GC at several points on the way) stays
 * within a few chunks of where it started.
 */
@TuskTest
class LargeObjectStreamingTest {

  private static final long SIZE = 100L << 20;

  /** Far below the 200 MiB that holding the object (in and out) would take. */
  private static final long HEAP_GROWTH_LIMIT = 32L << 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long baseline;
  private long peak;

  @Test
  @Timeout(120)
  void aHundredMebibytesRoundTripWithFlatClientMemory(Connection conn) throws Exception {
    LargeObjects objects = conn.largeObjects();
    baseline = heapAfterGc();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    long oid;
    long start = System.nanoTime();
    try (Transaction tx = conn.transaction()) {
      oid = objects.importFrom(new GeneratedStream(SIZE, sent));
      tx.commit();
    }
    long imported = System.nanoTime();
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    DigestSink sink = new DigestSink(received);
    try (Transaction tx = conn.transaction()) {
      objects.exportTo(oid, sink);
      tx.commit();
    }
    long exported = System.nanoTime();
    objects.unlink(oid);
    assertEquals(SIZE, sink.count);
    assertArrayEquals(sent.digest(), received.digest());
    System.out.printf(
        "large object 100 MiB: import %d ms, export %d ms, heap growth peak %d KiB%n",
        (imported - start) / 1_000_000, (exported - imported) / 1_000_000, (peak - baseline) >> 10);
    assertTrue(
        peak - baseline < HEAP_GROWTH_LIMIT,
        "heap grew by " + ((peak - baseline) >> 20) + " MiB while streaming");
  }

  private long heapAfterGc() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void sample() {
    peak = Math.max(peak, heapAfterGc());
  }

  /**
   * Deterministic pseudo-random bytes, digested as they are read; samples the heap every 25 MiB.
   */
  private final class GeneratedStream extends InputStream {
    private final SplittableRandom random = new SplittableRandom(12);
    private final MessageDigest digest;
    private long remaining;

    GeneratedStream(long size, MessageDigest digest) {
      this.remaining = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        bytes[offset + i] = (byte) random.nextInt();
      }
      digest.update(bytes, offset, n);
      if ((SIZE - remaining) % (25L << 20) < n) {
        sample();
      }
      remaining -= n;
      return n;
    }
  }

  /** Digests what is written; samples the heap every 25 MiB. */
  private final class DigestSink extends OutputStream {
    private final MessageDigest digest;
    private long count;

    DigestSink(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
      if (count % (25L << 20) < length) {
        sample();
      }
      count += length;
    }
  }
}
