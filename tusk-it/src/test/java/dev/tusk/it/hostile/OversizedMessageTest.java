package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.testing.fake.BackendMessages;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, defect 2: a DataRow header claiming 0x3FFFFFF4 bytes, from a hostile server or a man in
 * the middle, made the reader allocate 1 GiB before a single body byte arrived.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class OversizedMessageTest {

  /** Well below the 1 GiB the old reader allocated for the header alone. */
  private static final long MOST_ALLOCATED = 128L << 20;

  private static final int ANNOUNCED = 0x3FFFFFF4;

  @Test
  void hugeDataRowHeaderIsRefusedByTheDefaultLimit() {
    Script script =
        Script.create()
            .handshake()
            .expectThrough('S')
            .send(
                BackendMessages.concat(
                    BackendMessages.parseComplete(),
                    BackendMessages.bindComplete(),
                    BackendMessages.rowDescription("x"),
                    header('D', ANNOUNCED)));
    try (FakeServer server = FakeServer.start(script);
        Connection conn = Tusk.connect(server.conninfo())) {
      long before = Allocated.byAllThreads();
      ProtocolViolation error =
          assertThrows(ProtocolViolation.class, () -> conn.execute("SELECT x").fetchAll());
      long allocated = Allocated.byAllThreads() - before;

      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains("max_message_size"), error.getMessage());
      assertTrue(allocated < MOST_ALLOCATED, "allocated " + allocated + " bytes");
      assertTrue(conn.closed());
      server.verify();
    }
  }

  /** With the limit raised to 1 GiB the header is accepted, but only arriving bytes cost memory. */
  @Test
  void hugeDataRowHeaderUnderARaisedLimitAllocatesOnlyWhatArrives() {
    Script script =
        Script.create()
            .handshake()
            .expectThrough('S')
            .send(
                BackendMessages.concat(
                    BackendMessages.parseComplete(),
                    BackendMessages.bindComplete(),
                    BackendMessages.rowDescription("x"),
                    header('D', ANNOUNCED),
                    new byte[100_000]))
            .close();
    try (FakeServer server = FakeServer.start(script);
        Connection conn = Tusk.connect(server.conninfo() + " max_message_size=1073741824")) {
      long before = Allocated.byAllThreads();
      ConnectionFailure error =
          assertThrows(ConnectionFailure.class, () -> conn.execute("SELECT x").fetchAll());
      long allocated = Allocated.byAllThreads() - before;

      assertEquals("08006", error.sqlState());
      assertTrue(error.getMessage().contains("of the 1073741808 body bytes"), error.getMessage());
      assertTrue(allocated < MOST_ALLOCATED, "allocated " + allocated + " bytes");
      assertTrue(conn.closed());
      server.verify();
    }
  }
}
