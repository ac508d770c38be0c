package dev.tusk.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code channel_binding} and {@code require_auth} against the real server: SCRAM-SHA-256-PLUS
 * binds over TLS, and each policy admits exactly the methods it names (libpq 16 semantics).
 */
class AuthenticationPolicyTest {

  private static final TlsServer SERVER = TlsServer.get();
  private static final TestCertificates CERTIFICATES = SERVER.certificates();

  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // role          | settings                                          | outcome
        "tls_scram       | sslmode=require channel_binding=require           | ok",
        "tls_scram       | sslmode=require channel_binding=disable           | ok",
        "tls_scram       | sslmode=disable channel_binding=require           | refused",
        "tls_scram       | sslmode=disable channel_binding=prefer            | ok",
        "tls_md5         | sslmode=require channel_binding=require           | refused",
        "tls_password    | sslmode=require channel_binding=require           | refused",
        "tls_only        | sslmode=require channel_binding=require           | refused",
        "tls_md5         | sslmode=require require_auth=md5                  | ok",
        "tls_md5         | sslmode=require require_auth=scram-sha-256        | refused",
        "tls_md5         | sslmode=require require_auth=!md5                 | refused",
        "tls_scram       | sslmode=require require_auth=!md5,!password       | ok",
        "tls_scram       | sslmode=require require_auth=!scram-sha-256       | refused",
        "tls_scram       | sslmode=require require_auth=password,scram-sha-256 | ok",
        "tls_password    | sslmode=require require_auth=password             | ok",
        "tls_password    | sslmode=require require_auth=md5,scram-sha-256    | refused",
        "tls_only        | sslmode=require require_auth=none                 | ok",
        "tls_only        | sslmode=require require_auth=!none                | refused",
        "tls_only        | sslmode=require require_auth=scram-sha-256        | refused",
        "tls_scram       | sslmode=require require_auth=none                 | refused",
      })
  void policy(String role, String settings, String outcome) {
    String conninfo =
        SERVER.conninfo("localhost", role, settings + " password=" + TlsServer.PASSWORD);
    if (outcome.equals("ok")) {
      try (Connection conn = Tusk.connect(conninfo)) {
        assertEquals(role, conn.execute("SELECT current_user").fetchOne().get(0));
      }
    } else {
      TuskException error =
          assertThrows(TuskException.class, () -> Tusk.connect(conninfo).close(), conninfo);
      assertTrue(
          error.getMessage().contains("channel binding")
              || error.getMessage().contains("authentication method requirement"),
          error.getMessage());
    }
  }

  @ParameterizedTest(name = "a client certificate counts as no authentication exchange: {0}")
  @CsvSource({"none, ok", "!none, refused"})
  void certificateAuthenticationIsNone(String requireAuth, String outcome) {
    String conninfo =
        SERVER.conninfo(
            "localhost",
            TlsServer.CERT_USER,
            "sslmode=require sslcert="
                + CERTIFICATES.clientCertificate()
                + " sslkey="
                + CERTIFICATES.clientKey()
                + " require_auth="
                + requireAuth);
    if (outcome.equals("ok")) {
      Tusk.connect(conninfo).close();
    } else {
      assertThrows(TuskException.class, () -> Tusk.connect(conninfo).close());
    }
  }
}
