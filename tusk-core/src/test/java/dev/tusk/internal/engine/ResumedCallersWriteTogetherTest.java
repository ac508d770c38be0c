package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads sharing a connection: when the reader wakes callers with their answers, it lets
 * them run before it waits for the server again, so the next requests they make leave in a few
 * writes rather than one write each. One write per request wakes the server once per request, and
 * cost 10 % of the throughput of 64 threads on one connection.
 */
class ResumedCallersWriteTogetherTest {

  private static final int CALLERS = 16;
  private static final int ROUNDS = 200;

  /** A bare Sync, answered by a ReadyForQuery. */
  private static final class SyncOnly extends Exchange<Void> {
    @Override
    protected void encode(WriteBuffer out) {
      FrontendMessages.sync(out);
    }

    @Override
    protected Void result() {
      return null;
    }
  }

  @Test
  void requestsMadeInAnswerToOneReadGoOutTogether() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      CountingWrites near = new CountingWrites(loopback.transport());
      Session session = loopback.session(near);
      Thread server = Thread.ofPlatform().daemon().start(() -> answerSyncs(loopback.peer()));
      AtomicInteger answered = new AtomicInteger();
      List<Future<?>> callers = new ArrayList<>();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < CALLERS; i++) {
          callers.add(
              threads.submit(
                  () -> {
                    for (int round = 0; round < ROUNDS; round++) {
                      SyncOnly sync = new SyncOnly();
                      session.submit(sync);
                      session.await(sync, null);
                      answered.incrementAndGet();
                    }
                    return null;
                  }));
        }
        for (Future<?> caller : callers) {
          caller.get();
        }
      }
      int requests = CALLERS * ROUNDS;
      assertEquals(requests, answered.get());
      long writes = near.writes.get();
      assertTrue(
          writes <= requests / 2,
          writes + " writes carried " + requests + " requests: callers wrote one by one");
      loopback.close();
      server.join(5_000);
    }
  }

  /** The server's side: answers every whole Sync that has arrived, in one write per read. */
  private static void answerSyncs(SocketChannel peer) {
    byte[] readyForQuery = {'Z', 0, 0, 0, 5, 'I'};
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    try {
      while (peer.read(in) >= 0) {
        int syncs = in.position() / 5;
        in.flip().position(syncs * 5);
        in.compact();
        ByteBuffer out = ByteBuffer.allocate(syncs * readyForQuery.length);
        for (int i = 0; i < syncs; i++) {
          out.put(readyForQuery);
        }
        out.flip();
        while (out.hasRemaining()) {
          peer.write(out);
        }
      }
    } catch (IOException closed) {
      // The test is over.
    }
  }

  /** The client's socket, counting the writes that sent bytes. */
  private static final class CountingWrites implements Transport {
    private final Transport socket;
    final AtomicLong writes = new AtomicLong();

    CountingWrites(Transport socket) {
      this.socket = socket;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      return socket.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      int written = socket.write(source);
      if (written > 0) {
        writes.incrementAndGet();
      }
      return written;
    }

    @Override
    public int await(int ops, long timeoutNanos) throws IOException {
      return socket.await(ops, timeoutNanos);
    }

    @Override
    public void wakeup() {
      socket.wakeup();
    }

    @Override
    public boolean isOpen() {
      return socket.isOpen();
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
