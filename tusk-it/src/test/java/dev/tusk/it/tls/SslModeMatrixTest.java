package dev.tusk.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TlsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@code sslmode} against every server-side configuration, as libpq behaves: a TLS server
 * whose rule for the role is {@code hostssl} (TLS only), {@code hostnossl} (plain only) or {@code
 * host} (either), and a server without TLS at all (the shared test server).
 */
class SslModeMatrixTest {

  private static final String REFUSED = "refused";

  @ParameterizedTest(name = "sslmode={0}, TLS-only role: {1}; plain-only role: {2}; either: {3}")
  @CsvSource({
    // sslmode,  hostssl rule, hostnossl rule, host rule
    "disable,     refused,      plain,          plain",
    "allow,       tls,          plain,          plain",
    "prefer,      tls,          plain,          tls",
    "require,     tls,          refused,        tls",
    "verify-ca,   tls,          refused,        tls",
    "verify-full, tls,          refused,        tls"
  })
  void tlsServer(String sslMode, String tlsOnly, String plainOnly, String either) {
    TlsServer server = TlsServer.get();
    String root = " sslrootcert=" + server.certificates().caCertificate() + " sslmode=" + sslMode;
    expect(tlsOnly, server.conninfo("localhost", TlsServer.TLS_ONLY_USER, root));
    expect(plainOnly, server.conninfo("localhost", TlsServer.PLAIN_ONLY_USER, root));
    expect(
        either,
        server.conninfo(
            "localhost", TlsServer.SCRAM_USER, root + " password=" + TlsServer.PASSWORD));
  }

  @ParameterizedTest(name = "sslmode={0} against a server without TLS: {1}")
  @CsvSource({
    "disable,     plain",
    "allow,       plain",
    "prefer,      plain",
    "require,     refused",
    "verify-ca,   refused",
    "verify-full, refused"
  })
  void serverWithoutTls(String sslMode, String outcome) {
    PostgresServer server = PostgresServer.get();
    String conninfo =
        server.conninfo() + " sslmode=" + sslMode + " sslrootcert=" + rootOfTlsServer();
    if (outcome.equals(REFUSED)) {
      TuskException error = assertThrows(TuskException.class, () -> Tusk.connect(conninfo).close());
      assertTrue(error.getMessage().contains("does not support SSL"), error.getMessage());
    } else {
      expect(outcome, conninfo);
    }
  }

  @Test
  void aUnixSocketIsNeverEncryptedAsInLibpq() {
    PostgresServer server = PostgresServer.get();
    if (server.socketDirectory() == null) {
      return;
    }
    String conninfo =
        "host="
            + server.socketDirectory()
            + " port="
            + server.port()
            + " user="
            + server.superuser()
            + " dbname="
            + server.database()
            + " sslmode=require";
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }

  private static String rootOfTlsServer() {
    return TlsServer.get().certificates().caCertificate().toString();
  }

  static void expect(String outcome, String conninfo) {
    if (outcome.equals(REFUSED)) {
      assertThrows(TuskException.class, () -> Tusk.connect(conninfo).close(), conninfo);
      return;
    }
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(outcome.equals("tls"), usesTls(conn), conninfo);
    }
  }

  /** What the server says about this very connection. */
  static boolean usesTls(Connection conn) {
    return Boolean.TRUE.equals(
        conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchOne().get(0));
  }
}
