package dev.tusk.it.tls;

import static dev.tusk.it.tls.ScriptedServer.authenticationCleartext;
import static dev.tusk.it.tls.ScriptedServer.authenticationOk;
import static dev.tusk.it.tls.ScriptedServer.authenticationSasl;
import static dev.tusk.it.tls.ScriptedServer.errorResponse;
import static dev.tusk.it.tls.ScriptedServer.readMessageType;
import static dev.tusk.it.tls.ScriptedServer.readSslRequest;
import static dev.tusk.it.tls.ScriptedServer.readStartup;
import static dev.tusk.it.tls.ScriptedServer.send;
import static dev.tusk.it.tls.ScriptedServer.startTls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers (or men in the middle) that misbehave: injected plaintext after 'S' (CVE-2021-23222), an
 * ErrorResponse to SSLRequest (CVE-2024-10977), an expired certificate, and every downgrade of
 * channel binding: a server that offers only SCRAM-SHA-256, one that asks for a password, one that
 * skips authentication. Under {@code channel_binding=require} the client must refuse each before it
 * sends anything derived from the password.
 */
@Timeout(30)
class HostileServerTest {

  private static final TestCertificates CERTIFICATES = TlsServer.get().certificates();

  private static String conninfo(ScriptedServer server, String settings) {
    return "host=localhost port="
        + server.port()
        + " user=alice dbname=app password=secret-pw connect_timeout=10 "
        + settings;
  }

  @Test
  void plaintextInjectedAfterTheSslAnswerIsAProtocolViolation() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            socket -> {
              readSslRequest(socket.getInputStream());
              byte[] injected = authenticationOk();
              byte[] reply = new byte[1 + injected.length];
              reply[0] = 'S';
              System.arraycopy(injected, 0, reply, 1, injected.length);
              socket.getOutputStream().write(reply);
              socket.getOutputStream().flush();
              return socket.getInputStream().read();
            })) {
      ProtocolViolation error =
          assertThrows(
              ProtocolViolation.class,
              () -> Tusk.connect(conninfo(server, "sslmode=require")).close());
      assertTrue(error.getMessage().contains("unencrypted data"), error.getMessage());
    }
  }

  @Test
  void anErrorInReplyToSslRequestIsNotShownAsTheServersWord() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            socket -> {
              readSslRequest(socket.getInputStream());
              send(socket.getOutputStream(), errorResponse("visit evil.example to fix this"));
              return null;
            })) {
      TuskException error =
          assertThrows(
              TuskException.class, () -> Tusk.connect(conninfo(server, "sslmode=prefer")).close());
      assertFalse(error.getMessage().contains("evil.example"), error.getMessage());
      assertTrue(error.getMessage().contains("error response during SSL"), error.getMessage());
    }
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            socket -> {
              readSslRequest(socket.getInputStream());
              try (SSLSocket tls =
                  startTls(
                      socket, CERTIFICATES.expiredServerKeyStore(), TestCertificates.PASSWORD)) {
                return tls.getInputStream().read();
              }
            })) {
      TuskException error =
          assertThrows(
              TuskException.class,
              () ->
                  Tusk.connect(
                          conninfo(
                              server,
                              "sslmode=verify-full sslrootcert=" + CERTIFICATES.caCertificate()))
                      .close());
      assertTrue(error.getMessage().contains("TLS handshake"), error.getMessage());
    }
  }

  @Test
  void requiredBindingRefusesAServerOfferingOnlyScramWithoutPlus() throws Exception {
    assertRefusedBeforeAnyPassword(authenticationSasl("SCRAM-SHA-256"), "channel binding");
  }

  @Test
  void requiredBindingRefusesAServerThatAsksForAPassword() throws Exception {
    assertRefusedBeforeAnyPassword(authenticationCleartext(), "channel binding");
  }

  @Test
  void requiredBindingRefusesAServerThatSkipsAuthentication() throws Exception {
    assertRefusedBeforeAnyPassword(authenticationOk(), "without channel binding");
  }

  @Test
  void requireAuthRefusesAServerThatSkipsAuthentication() throws Exception {
    try (ScriptedServer server = tlsServerSending(authenticationOk())) {
      TuskException error =
          assertThrows(
              TuskException.class,
              () ->
                  Tusk.connect(conninfo(server, "sslmode=require require_auth=scram-sha-256"))
                      .close());
      assertTrue(
          error.getMessage().contains("did not complete authentication"), error.getMessage());
    }
  }

  private static void assertRefusedBeforeAnyPassword(byte[] request, String expected)
      throws Exception {
    try (ScriptedServer server = tlsServerSending(request)) {
      TuskException error =
          assertThrows(
              TuskException.class,
              () ->
                  Tusk.connect(conninfo(server, "sslmode=require channel_binding=require"))
                      .close());
      assertTrue(error.getMessage().contains(expected), error.getMessage());
      // The client hung up without a PasswordMessage or SASLInitialResponse ('p').
      assertEquals(-1, server.outcome().get(10, TimeUnit.SECONDS));
    }
  }

  /** A TLS server that answers the StartupMessage with {@code reply} and reports what follows. */
  private static ScriptedServer tlsServerSending(byte[] reply) throws Exception {
    return new ScriptedServer(
        socket -> {
          readSslRequest(socket.getInputStream());
          try (SSLSocket tls =
              startTls(socket, CERTIFICATES.serverKeyStore(), TestCertificates.PASSWORD)) {
            String startup = new String(readStartup(tls.getInputStream()), StandardCharsets.UTF_8);
            assertTrue(startup.contains("alice"), startup);
            OutputStream out = tls.getOutputStream();
            send(out, reply);
            try {
              return readMessageType(tls.getInputStream());
            } catch (java.io.IOException hungUp) {
              return -1;
            }
          }
        });
  }
}
