package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code requirepeer}: over the embedded server's Unix socket, the server process's user is read
 * from the socket ({@code SO_PEERCRED}) and must match; over TCP it is not checked, as in libpq.
 */
@TuskTest
class RequirePeerTest {

  private static final Pattern RUNS_AS = Pattern.compile("runs as \"([^\"]+)\"");

  @Test
  void theServersUserMustMatchOverAUnixSocket(PostgresServer server) {
    assumeTrue(server.embedded(), "needs the embedded server's Unix socket");
    String overSocket = server.conninfo() + " host='" + server.socketDirectory() + "' requirepeer=";
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Tusk.connect(overSocket + "no_such_os_user"));
    String message = error.diagnostic().messagePrimary();
    assertTrue(
        message.startsWith("requirepeer specifies \"no_such_os_user\", but the server at "),
        message);
    Matcher actual = RUNS_AS.matcher(message);
    assertTrue(actual.find(), message);

    try (Connection conn = Tusk.connect(overSocket + actual.group(1))) {
      assertEquals(server.socketDirectory().toString(), conn.info().host());
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }

  @Test
  void overTcpItIsNotChecked(PostgresServer server) {
    try (Connection conn = Tusk.connect(server.conninfo() + " requirepeer=no_such_os_user")) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }
}
