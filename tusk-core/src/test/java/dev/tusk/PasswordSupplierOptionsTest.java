package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionOptions#passwordSupplier}: it goes along with every other change, is not a
 * keyword, conflicts with a fixed password, and is not asked when no server asks for a password.
 */
class PasswordSupplierOptionsTest {

  private final AtomicInteger calls = new AtomicInteger();
  private final PasswordSupplier supplier =
      request -> {
        calls.incrementAndGet();
        return "token";
      };

  @Test
  void theSupplierSurvivesEveryChangeAndIsNoKeyword() {
    ConnectionOptions options =
        Tusk.options().passwordSupplier(supplier).host("db").user("app").tracer(null);
    assertSame(supplier, options.passwordSupplier());
    assertSame(supplier, options.set("dbname", "x").passwordSupplier());
    assertEquals("host=db user=app", options.toString());
    assertFalse(options.keywords().containsKey("password"));
    assertNull(options.passwordSupplier(null).passwordSupplier());
    assertNull(Tusk.options().passwordSupplier());
  }

  @Test
  void aPasswordBesideTheSupplierIsRefusedBeforeConnecting() {
    ConnectionOptions options =
        Tusk.options().host("db.invalid").password("fixed-secret").passwordSupplier(supplier);
    ProgrammingError error = assertThrows(ProgrammingError.class, options::connect);
    assertEquals(
        "both a password and a password supplier are set: remove the password, or the supplier"
            + " (the supplier is asked for the password of every new connection)",
        error.getMessage());
    CompletionException async =
        assertThrows(CompletionException.class, () -> options.connectAsync().join());
    assertInstanceOf(ProgrammingError.class, async.getCause());
    assertFalse(async.getCause().getMessage().contains("fixed-secret"));
    assertEquals(0, calls.get());
  }

  @Test
  void anUnreachableServerNeverAsksTheSupplier() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ConnectionOptions options =
        Tusk.options()
            .host("127.0.0.1")
            .port(closedPort)
            .user("app")
            .set("passfile", "/nonexistent")
            .passwordSupplier(supplier);
    assertThrows(SqlclientUnableToEstablishSqlconnection.class, options::connect);
    assertEquals(0, calls.get());
    // An empty password means none, as everywhere in libpq's settings: no conflict.
    assertThrows(
        SqlclientUnableToEstablishSqlconnection.class, () -> options.password("").connect());
    assertEquals(0, calls.get());
  }
}
