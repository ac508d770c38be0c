package dev.tusk.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-certificate authentication ({@code hostssl ... cert}) with each key format. */
class ClientCertificateTest {

  private static final TlsServer SERVER = TlsServer.get();
  private static final TestCertificates CERTIFICATES = SERVER.certificates();

  private static String certUser(String settings) {
    return SERVER.conninfo(
        "localhost",
        TlsServer.CERT_USER,
        "sslmode=verify-full sslrootcert=" + CERTIFICATES.caCertificate() + " " + settings);
  }

  private static void logsIn(String conninfo) {
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(TlsServer.CERT_USER, conn.execute("SELECT current_user").fetchOne().get(0));
    }
  }

  @Test
  void pkcs8KeyLogsIn() {
    logsIn(
        certUser(
            "sslcert=" + CERTIFICATES.clientCertificate() + " sslkey=" + CERTIFICATES.clientKey()));
  }

  @Test
  void encryptedKeyLogsInWithItsPassphrase() {
    String files =
        "sslcert="
            + CERTIFICATES.clientCertificate()
            + " sslkey="
            + CERTIFICATES.clientKeyEncrypted();
    logsIn(certUser(files + " sslpassword=" + TestCertificates.PASSWORD));
    TuskException wrong =
        assertThrows(
            TuskException.class,
            () -> Tusk.connect(certUser(files + " sslpassword=not-the-passphrase")).close());
    assertTrue(wrong.getMessage().contains("sslpassword"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("not-the-passphrase"), wrong.getMessage());
    TuskException missing =
        assertThrows(TuskException.class, () -> Tusk.connect(certUser(files)).close());
    assertTrue(missing.getMessage().contains("sslpassword"), missing.getMessage());
  }

  @Test
  void pkcs12LogsIn() {
    logsIn(
        certUser(
            "sslkey="
                + CERTIFICATES.clientKeyStore()
                + " sslpassword="
                + TestCertificates.PASSWORD));
  }

  @Test
  void withoutACertificateTheServerRefuses(@TempDir Path empty) {
    String none = "sslcert=" + empty.resolve("none.crt") + " sslkey=" + empty.resolve("none.key");
    assertThrows(TuskException.class, () -> Tusk.connect(certUser(none)).close());
  }

  @Test
  void sslcertmodeDisableNeverSendsIt() {
    String files =
        "sslcert=" + CERTIFICATES.clientCertificate() + " sslkey=" + CERTIFICATES.clientKey();
    assertThrows(
        TuskException.class, () -> Tusk.connect(certUser(files + " sslcertmode=disable")).close());
    logsIn(certUser(files + " sslcertmode=require"));
  }

  @Test
  void aCertificateWithoutItsKeyIsAnError(@TempDir Path empty) {
    String files =
        "sslcert=" + CERTIFICATES.clientCertificate() + " sslkey=" + empty.resolve("none.key");
    TuskException error =
        assertThrows(TuskException.class, () -> Tusk.connect(certUser(files)).close());
    assertTrue(error.getMessage().contains("private key"), error.getMessage());
  }
}
