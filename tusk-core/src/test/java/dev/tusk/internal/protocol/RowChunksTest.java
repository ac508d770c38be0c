package dev.tusk.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RowChunksTest {

  private final RowChunks.Pool pool = new RowChunks.Pool(4);
  private final RowChunks chunks = new RowChunks(pool);

  /** A row placed by the test: the chunk and where its body starts. */
  private record Placed(byte[] chunk, int start, byte[] body) {
    boolean intact() {
      return RowChunks.length(chunk, start) == body.length
          && Arrays.equals(chunk, start, start + body.length, body, 0, body.length);
    }
  }

  private Placed place(byte[] body) {
    int start = chunks.place(body, 0, body.length);
    return new Placed(chunks.chunk(), start, body);
  }

  private static byte[] body(int seed, int length) {
    byte[] body = new byte[length];
    for (int i = 0; i < length; i++) {
      body[i] = (byte) (seed * 31 + i);
    }
    return body;
  }

  /** Places rows of {@code length} bytes until one lands in a new chunk; returns them all. */
  private List<Placed> fillOneChunk(int length) {
    List<Placed> placed = new ArrayList<>();
    placed.add(place(body(0, length)));
    while (true) {
      Placed next = place(body(placed.size(), length));
      placed.add(next);
      if (next.chunk() != placed.get(0).chunk()) {
        return placed;
      }
    }
  }

  @Test
  void rowsAreCopiedWithTheirLengthAndFillAChunkBeforeTheNext() {
    List<Placed> placed = fillOneChunk(100);
    byte[] first = placed.get(0).chunk();
    assertEquals(RowChunks.CHUNK_BYTES, first.length);
    // 8 bytes of header, then 104 bytes a row: the chunk holds as many as fit, no more.
    assertEquals((RowChunks.CHUNK_BYTES - 8) / 104 + 1, placed.size());
    assertTrue(placed.stream().allMatch(Placed::intact));
  }

  @Test
  void aChunkReturnsToThePoolOnceEveryRowIsReleasedAfterItsReaderMovedOn() {
    List<Placed> placed = fillOneChunk(200);
    byte[] sealed = placed.get(0).chunk();
    List<Placed> inSealed = placed.subList(0, placed.size() - 1);
    for (Placed row : inSealed.subList(0, inSealed.size() - 1)) {
      pool.release(row.chunk());
    }
    assertFalse(pool.holds(sealed), "one row is still held");
    pool.release(inSealed.get(inSealed.size() - 1).chunk());
    assertTrue(pool.holds(sealed));
  }

  @Test
  void rowsReleasedBeforeTheSealLetTheSealRecycleTheChunk() {
    Placed only = place(body(1, 10));
    pool.release(only.chunk());
    assertFalse(pool.holds(only.chunk()), "the reader still places rows in it");
    Placed next = place(body(2, 10));
    assertSame(only.chunk(), next.chunk());
    pool.release(next.chunk());
    // Too big for what is left: the chunk is sealed, recycled, and the reader's next one.
    Placed big = place(body(3, RowChunks.CHUNK_BYTES - 100));
    assertSame(only.chunk(), big.chunk());
    assertTrue(big.intact());
  }

  @Test
  void aChunkWithARowNeverReleasedStaysOutOfThePool() {
    List<Placed> placed = fillOneChunk(500);
    byte[] sealed = placed.get(0).chunk();
    for (Placed row : placed.subList(1, placed.size() - 1)) {
      pool.release(row.chunk());
    }
    assertFalse(pool.holds(sealed));
    assertTrue(placed.get(0).intact());
  }

  @Test
  void aRecycledChunkIsReusedAndItsCountStartsAgain() {
    List<Placed> placed = fillOneChunk(300);
    byte[] sealed = placed.get(0).chunk();
    for (Placed row : placed.subList(0, placed.size() - 1)) {
      pool.release(row.chunk());
    }
    // Fill the current chunk too: the next one comes from the pool.
    List<Placed> more = fillOneChunk(300);
    assertSame(sealed, more.get(more.size() - 1).chunk());
    // Its count started at zero again: one row still held keeps it out of the pool.
    List<Placed> third = fillOneChunk(300);
    assertSame(sealed, third.get(0).chunk());
    for (Placed row : third.subList(1, third.size() - 1)) {
      pool.release(row.chunk());
    }
    assertFalse(pool.holds(sealed));
  }

  /**
   * A reader places rows while consumer threads release them in any order, keeping some: no chunk
   * is reused while a row placed in it is unreleased, which would overwrite that row's bytes.
   */
  @Test
  void concurrentReleasesNeverRecycleAChunkThatStillHoldsARow() throws Exception {
    BlockingQueue<Placed> handedOut = new ArrayBlockingQueue<>(256);
    AtomicReference<String> damage = new AtomicReference<>();
    AtomicInteger released = new AtomicInteger();
    List<Placed> kept = java.util.Collections.synchronizedList(new ArrayList<>());
    Placed end = new Placed(new byte[0], 0, new byte[0]);
    List<Thread> consumers = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      consumers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (Placed row; (row = handedOut.take()) != end; ) {
                        if (!row.intact()) {
                          damage.compareAndSet(null, "a row changed before it was released");
                        }
                        if (ThreadLocalRandom.current().nextInt(50) == 0) {
                          kept.add(row);
                        } else {
                          pool.release(row.chunk());
                          released.incrementAndGet();
                        }
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    int rows = 200_000;
    for (int i = 0; i < rows; i++) {
      handedOut.put(place(body(i, 1 + ThreadLocalRandom.current().nextInt(400))));
    }
    for (int c = 0; c < consumers.size(); c++) {
      handedOut.put(end);
    }
    for (Thread consumer : consumers) {
      consumer.join();
    }
    assertNull(damage.get());
    assertTrue(kept.stream().allMatch(Placed::intact));
    assertEquals(rows, released.get() + kept.size());
  }
}
