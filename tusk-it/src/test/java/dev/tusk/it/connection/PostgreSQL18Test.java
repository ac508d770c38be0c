package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.ScratchServer;
import dev.tusk.testing.ScratchServer.Role;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol 3.2 against a real PostgreSQL 18 (zonky's 18.1.0 binaries, which the build copies to
 * {@code target/postgres-18}): the session is 3.2 with a 256-bit cancel key that cancels, and 3.0
 * (the default) still works with its 32-bit key. Skipped where those binaries cannot run (not Linux
 * on x86-64) or were not copied.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class PostgreSQL18Test {

  /** The system property the build sets to the binaries jar. */
  private static final String BINARIES = "tusk.postgres18.binaries";

  private static ScratchServer postgres18;

  @BeforeAll
  static void startPostgres18() {
    String jar = System.getProperty(BINARIES);
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), BINARIES + " names no file");
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && System.getProperty("os.arch").equals("amd64"),
        "the PostgreSQL 18 binaries are for Linux on x86-64");
    postgres18 = ScratchServer.start(Role.PRIMARY, Path.of(jar));
  }

  @AfterAll
  static void stopPostgres18() {
    if (postgres18 != null) {
      postgres18.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.2", "latest"})
  void protocol32HasA256BitCancelKeyThatCancels(String max) {
    // min_protocol_version=3.2: the connection fails unless the server speaks 3.2.
    String settings = " sslmode=disable min_protocol_version=3.2 max_protocol_version=" + max;
    try (FaultProxy wire = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn =
            Tusk.connect(postgres18.conninfo() + settings + " " + wire.conninfoOverride())) {
      assertEquals(18, conn.info().serverVersion() / 10000);
      assertEquals(32, cancelKeyLength(wire.sentToClients()));
      assertCancelWorks(conn);
    }
  }

  @Test
  void protocol30StillWorksWithA32BitKey() {
    try (FaultProxy wire = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn =
            Tusk.connect(
                postgres18.conninfo()
                    + " sslmode=disable max_protocol_version=3.0 "
                    + wire.conninfoOverride())) {
      assertEquals(4, cancelKeyLength(wire.sentToClients()));
      assertCancelWorks(conn);
    }
  }

  /** A statement over its timeout is cancelled by the server, and the connection goes on. */
  private static void assertCancelWorks(Connection conn) {
    long start = System.nanoTime();
    assertThrows(
        QueryCanceled.class,
        () -> conn.execute(Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(300))));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the cancel took " + took);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  /** The secret key's length in the first BackendKeyData of the server's bytes. */
  private static int cancelKeyLength(byte[] fromServer) {
    ByteBuffer messages = ByteBuffer.wrap(fromServer);
    while (messages.remaining() >= 5) {
      byte type = messages.get();
      int length = messages.getInt();
      if (type == 'K') {
        return length - 4 - 4; // the length field itself, then the process id
      }
      messages.position(messages.position() + length - 4);
    }
    throw new AssertionError("no BackendKeyData among " + fromServer.length + " bytes");
  }
}
