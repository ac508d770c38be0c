package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.errors.ConnectionException;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A link lost inside a transaction block (found by SoakTest): the block's BEGIN and its first
 * statement fail with one error, and closing the block must not rethrow that same instance, which
 * try-with-resources would turn into "IllegalArgumentException: Self-suppression not permitted".
 */
@TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class TransactionFaultTest {

  @Test
  void aLinkLostInABlockIsATypedErrorThroughTryWithResources(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      TuskException error =
          assertThrows(
              TuskException.class,
              () -> {
                try (Transaction ignored = conn.transaction()) {
                  proxy.reset();
                  conn.execute("SELECT 2");
                }
              });
      assertInstanceOf(ConnectionException.class, error);
      for (Throwable suppressed : error.getSuppressed()) {
        assertNotSame(error, suppressed);
        assertInstanceOf(ConnectionException.class, suppressed);
      }
      assertTrue(conn.closed());
    }
  }
}
