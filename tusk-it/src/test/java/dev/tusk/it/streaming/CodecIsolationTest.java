package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Parameters are encoded on the caller's thread before its request is queued: a user's codec that
 * is slow, or that fails, holds up no other caller of the same connection and leaves it usable.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CodecIsolationTest {

  /** A value whose codec waits for the test's signal, or fails. */
  record Gated(String text, boolean fail) {}

  private static final class GatedCodec implements Codec<Gated> {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public int oid() {
      return 25;
    }

    @Override
    public String typeName() {
      return "text";
    }

    @Override
    public Class<Gated> javaType() {
      return Gated.class;
    }

    @Override
    public boolean hasBinary() {
      return false;
    }

    @Override
    public Gated decodeText(byte[] bytes, int offset, int length) {
      return new Gated(new String(bytes, offset, length, StandardCharsets.UTF_8), false);
    }

    @Override
    public Gated decodeBinary(byte[] bytes, int offset, int length) {
      throw new UnsupportedOperationException("text only");
    }

    @Override
    public void encodeBinary(Gated value, BinaryOutput out) {
      throw new UnsupportedOperationException("text only");
    }

    @Override
    public String encodeText(Gated value) {
      if (value.fail()) {
        throw new IllegalStateException("the codec refuses " + value.text());
      }
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return value.text();
    }
  }

  @Test
  void aSlowCodecHoldsUpNoOtherCaller(Connection conn) throws Exception {
    GatedCodec codec = new GatedCodec();
    conn.types().registerParameter(Gated.class, codec);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<String> slow =
          threads.submit(
              () ->
                  conn.execute("SELECT $1::text", new Gated("slow", false))
                      .fetchOne()
                      .get(0, String.class));
      assertTrue(codec.entered.await(10, TimeUnit.SECONDS));
      for (int i = 0; i < 20; i++) {
        Future<Integer> other =
            threads.submit(() -> conn.execute("SELECT 1 + 1").fetchOne().getInt(0));
        assertEquals(2, other.get(5, TimeUnit.SECONDS), "a caller waited for another's codec");
      }
      codec.release.countDown();
      assertEquals("slow", slow.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aFailingCodecFailsOnlyItsOwnCall(Connection conn) throws Exception {
    conn.types().registerParameter(Gated.class, new GatedCodec());
    DataError error =
        assertThrows(DataError.class, () -> conn.execute("SELECT $1::text", new Gated("x", true)));
    assertTrue(error.getMessage().contains("the codec refuses x"), error.getMessage());
    assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
  }
}
