package dev.tusk.it.largeobject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.testing.TuskTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100 MiB into a large object and back out, streamed, through each face (the async one inside an
 * {@code AsyncTransaction}): the bytes are generated on the fly and checked by digest, and the heap
 * in use (measured after a GC at several points on the way) stays within a few chunks of where it
 * started.
 */
@TuskTest
class LargeObjectStreamingTest {

  private static final long SIZE = 100L << 20;

  /** Far below the 200 MiB that holding the object (in and out) would take. */
  private static final long HEAP_GROWTH_LIMIT = 32L << 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long baseline;
  private long peak;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sync", "async"})
  @Timeout(120)
  void aHundredMebibytesRoundTripWithFlatClientMemory(String face, Connection conn)
      throws Exception {
    boolean async = face.equals("async");
    baseline = heapAfterGc();
    peak = baseline;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    long start = System.nanoTime();
    GeneratedStream in = new GeneratedStream(SIZE, sent);
    long oid = async ? asyncImport(conn, in) : syncImport(conn, in);
    long imported = System.nanoTime();
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    DigestSink sink = new DigestSink(received);
    if (async) {
      asyncExport(conn, oid, sink);
    } else {
      syncExport(conn, oid, sink);
    }
    long exported = System.nanoTime();
    conn.largeObjects().unlink(oid);
    assertEquals(SIZE, sink.count);
    assertArrayEquals(sent.digest(), received.digest());
    System.out.printf(
        "large object 100 MiB, %s: import %d ms, export %d ms, heap growth peak %d KiB%n",
        face,
        (imported - start) / 1_000_000,
        (exported - imported) / 1_000_000,
        (peak - baseline) >> 10);
    assertTrue(
        peak - baseline < HEAP_GROWTH_LIMIT,
        "heap grew by " + ((peak - baseline) >> 20) + " MiB while streaming");
  }

  private static long syncImport(Connection conn, InputStream in) {
    try (Transaction tx = conn.transaction()) {
      long oid = conn.largeObjects().importFrom(in);
      tx.commit();
      return oid;
    }
  }

  private static void syncExport(Connection conn, long oid, OutputStream out) {
    try (Transaction tx = conn.transaction()) {
      conn.largeObjects().exportTo(oid, out);
      tx.commit();
    }
  }

  private static long asyncImport(Connection conn, InputStream in) throws Exception {
    return conn.async()
        .transaction()
        .thenCompose(
            tx ->
                tx.largeObjects()
                    .importFrom(in)
                    .thenCompose(oid -> tx.commit().thenApply(committed -> oid)))
        .get(100, TimeUnit.SECONDS);
  }

  private static void asyncExport(Connection conn, long oid, OutputStream out) throws Exception {
    conn.async()
        .transaction()
        .thenCompose(tx -> tx.largeObjects().exportTo(oid, out).thenCompose(done -> tx.commit()))
        .get(100, TimeUnit.SECONDS);
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
