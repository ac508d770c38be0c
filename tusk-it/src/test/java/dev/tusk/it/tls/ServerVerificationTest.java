package dev.tusk.it.tls;

import static dev.tusk.it.tls.SslModeMatrixTest.usesTls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the server's certificate is checked: the CA (right, wrong, missing, the system's), the host
 * name under verify-full, revocation lists, protocol versions, SNI and direct TLS negotiation.
 */
class ServerVerificationTest {

  private static final TlsServer SERVER = TlsServer.get();
  private static final TestCertificates CERTIFICATES = SERVER.certificates();

  private static String trustOnly(String host, String settings) {
    return SERVER.conninfo(host, TlsServer.TLS_ONLY_USER, settings);
  }

  private static void connects(String conninfo) {
    try (Connection conn = Tusk.connect(conninfo)) {
      assertTrue(usesTls(conn), conninfo);
    }
  }

  private static TuskException refused(String conninfo) {
    return assertThrows(TuskException.class, () -> Tusk.connect(conninfo).close(), conninfo);
  }

  @Test
  void verifyFullAcceptsTheNameInTheCertificate() {
    connects(
        trustOnly("localhost", "sslmode=verify-full sslrootcert=" + CERTIFICATES.caCertificate()));
  }

  @Test
  void verifyFullRefusesAHostNameMismatch() {
    TuskException error =
        refused(
            trustOnly(
                "127.0.0.1", "sslmode=verify-full sslrootcert=" + CERTIFICATES.caCertificate()));
    assertTrue(error.getMessage().contains("TLS handshake"), error.getMessage());
    // verify-ca does not look at the name.
    connects(
        trustOnly("127.0.0.1", "sslmode=verify-ca sslrootcert=" + CERTIFICATES.caCertificate()));
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefused() {
    String wrongCa = " sslrootcert=" + CERTIFICATES.otherCaCertificate();
    refused(trustOnly("localhost", "sslmode=verify-ca" + wrongCa));
    refused(trustOnly("localhost", "sslmode=verify-full" + wrongCa));
    // As in libpq, require with a root certificate file checks the chain like verify-ca.
    refused(trustOnly("localhost", "sslmode=require" + wrongCa));
  }

  @Test
  void requireWithoutARootFileEncryptsWithoutChecking(@TempDir Path empty) {
    connects(trustOnly("127.0.0.1", "sslmode=require sslrootcert=" + empty.resolve("none.crt")));
  }

  @Test
  void verifyWithoutARootFileSaysWhatToDo(@TempDir Path empty) {
    String missing = empty.resolve("root.crt").toString();
    TuskException error =
        refused(trustOnly("localhost", "sslmode=verify-ca sslrootcert=" + missing));
    assertTrue(error instanceof SqlclientUnableToEstablishSqlconnection, error.toString());
    assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    assertTrue(error.getMessage().contains("sslrootcert=system"), error.getMessage());
  }

  @Test
  void theSystemRootsDoNotTrustATestAuthority() {
    TuskException error = refused(trustOnly("localhost", "sslrootcert=system"));
    assertTrue(error.getMessage().contains("TLS handshake"), error.getMessage());
  }

  @Test
  void aRevokedServerCertificateIsRefused() {
    String base = "sslmode=verify-full sslrootcert=" + CERTIFICATES.caCertificate();
    TuskException error =
        refused(
            trustOnly(
                "localhost", base + " sslcrl=" + CERTIFICATES.revocationListRevokingServer()));
    assertTrue(error.getMessage().contains("revoked"), error.getMessage());
    refused(
        trustOnly(
            "localhost",
            base + " sslcrldir=" + CERTIFICATES.revocationListRevokingServer().getParent()));
    connects(
        trustOnly(
            "localhost",
            base + " sslcrldir=" + CERTIFICATES.revocationListDirectoryRevokingNothing()));
  }

  @Test
  void protocolVersionsAreHonoured() {
    String base = "sslmode=require ";
    try (Connection conn = Tusk.connect(trustOnly("localhost", base))) {
      assertEquals("TLSv1.3", version(conn));
    }
    try (Connection conn =
        Tusk.connect(trustOnly("localhost", base + "ssl_max_protocol_version=TLSv1.2"))) {
      assertEquals("TLSv1.2", version(conn));
    }
  }

  @Test
  void directNegotiationUsesAlpn() {
    try (Connection conn =
        Tusk.connect(
            trustOnly(
                "localhost",
                "sslmode=verify-full sslnegotiation=direct sslrootcert="
                    + CERTIFICATES.caCertificate()))) {
      assertTrue(usesTls(conn));
    }
  }

  @Test
  void sniCanBeTurnedOff() {
    connects(trustOnly("localhost", "sslmode=require sslsni=0"));
    connects(trustOnly("localhost", "sslmode=require sslsni=1"));
  }

  @Test
  void queriesAndLargeValuesTravelOverTls() {
    try (Connection conn = Tusk.connect(trustOnly("localhost", "sslmode=require"))) {
      // More than one TLS record (16 KiB) each way.
      String big = "x".repeat(200_000);
      assertEquals(big.length(), conn.execute("SELECT length($1::text)", big).fetchOne().getInt(0));
      assertEquals(big, conn.execute("SELECT repeat('x', 200000)").fetchOne().get(0));
      for (int i = 0; i < 50; i++) {
        assertEquals(i, conn.execute("SELECT $1::int", i).fetchOne().getInt(0));
      }
    }
  }

  private static String version(Connection conn) {
    return (String)
        conn.execute("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetchOne()
            .get(0);
  }
}
