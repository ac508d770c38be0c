package dev.tusk.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.ConnectionOptions;
import dev.tusk.PasswordRequest;
import dev.tusk.PasswordSupplier;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A password supplier over verified TLS, as cloud IAM tokens are used: SCRAM binds to the channel
 * and a cleartext token is sent encrypted; a client-certificate login never asks the supplier, nor
 * does a request that channel_binding=require refuses.
 */
class PasswordSupplierTlsTest {

  private static final TlsServer SERVER = TlsServer.get();
  private static final TestCertificates CERTIFICATES = SERVER.certificates();

  private final List<PasswordRequest> requests = new CopyOnWriteArrayList<>();
  private final PasswordSupplier supplier =
      request -> {
        requests.add(request);
        return TlsServer.PASSWORD;
      };

  @Test
  void scramWithASuppliedPasswordBindsToTheChannel() {
    try (Connection conn =
        verified(TlsServer.SCRAM_USER).set("channel_binding", "require").connect()) {
      assertEncrypted(conn);
    }
    assertEquals(
        List.of(new PasswordRequest("localhost", SERVER.port(), "postgres", TlsServer.SCRAM_USER)),
        requests);
  }

  /** How RDS and Entra ID tokens travel: a cleartext password inside verify-full TLS. */
  @Test
  void aCleartextTokenIsSentOverTls() {
    try (Connection conn = verified(TlsServer.CLEARTEXT_USER).connect()) {
      assertEncrypted(conn);
    }
    assertEquals(1, requests.size());
  }

  @Test
  void aClientCertificateLoginNeverAsksTheSupplier() {
    ConnectionOptions options =
        verified(TlsServer.CERT_USER)
            .set("sslcert", CERTIFICATES.clientCertificate())
            .set("sslkey", CERTIFICATES.clientKey());
    try (Connection conn = options.connect()) {
      assertEquals(TlsServer.CERT_USER, conn.execute("SELECT current_user").fetchOne().get(0));
    }
    assertEquals(List.of(), requests);
  }

  @Test
  void channelBindingRefusesAnMd5RequestBeforeAskingTheSupplier() {
    ConnectionOptions options = verified(TlsServer.MD5_USER).set("channel_binding", "require");
    InvalidAuthorizationSpecification error =
        assertThrows(InvalidAuthorizationSpecification.class, options::connect);
    assertTrue(error.getMessage().contains("channel binding is required"), error.getMessage());
    assertEquals(List.of(), requests);
  }

  private ConnectionOptions verified(String user) {
    return Tusk.options()
        .host("localhost")
        .port(SERVER.port())
        .dbname("postgres")
        .user(user)
        .set("sslmode", "verify-full")
        .set("sslrootcert", CERTIFICATES.caCertificate())
        .set("passfile", "/nonexistent/tusk-no-passfile")
        .passwordSupplier(supplier);
  }

  private static void assertEncrypted(Connection conn) {
    assertEquals(
        true,
        conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchOne().get(0));
  }
}
