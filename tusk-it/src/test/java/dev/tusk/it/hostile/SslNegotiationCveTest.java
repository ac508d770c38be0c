package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.authenticationOk;
import static dev.tusk.testing.fake.BackendMessages.commandComplete;
import static dev.tusk.testing.fake.BackendMessages.concat;
import static dev.tusk.testing.fake.BackendMessages.dataRow;
import static dev.tusk.testing.fake.BackendMessages.errorResponse;
import static dev.tusk.testing.fake.BackendMessages.parameterStatus;
import static dev.tusk.testing.fake.BackendMessages.readyForQuery;
import static dev.tusk.testing.fake.BackendMessages.rowDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a man in the middle can do before TLS would begin: the answer to SSLRequest and anything
 * sent with it are unauthenticated, so nothing in them may be taken as the server's word.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class SslNegotiationCveTest {

  private static final Script ANSWER_42 =
      Script.create()
          .handshake()
          .answerExtendedQuery(
              rowDescription("answer"), dataRow("42"), commandComplete("SELECT 1"));

  /**
   * libpq CVE-2021-23222: bytes that follow the 'S' were buffered and later read as if they had
   * come through TLS. Tusk refuses them: the attempt ends as a protocol violation, so the injected
   * bytes, which would make a whole fake session, are never read.
   */
  @Test
  @DisplayName("CVE-2021-23222: bytes after the server's S are never interpreted")
  void cve_2021_23222_bytesInjectedAfterSslYesAreNeverRead() {
    byte[] injected =
        concat(
            authenticationOk(),
            parameterStatus("server_version", "6.6.6-injected"),
            readyForQuery('I'));
    Script firstSocket = Script.create().answerSslRequest(concat(new byte[] {'S'}, injected));
    try (FakeServer server = FakeServer.start(List.of(firstSocket, ANSWER_42))) {
      // Bytes that arrive with the 'S' were not encrypted by anyone the handshake will prove: the
      // attempt ends as a protocol violation, and none of them is ever taken for the server's.
      ProtocolViolation error =
          assertThrows(
              ProtocolViolation.class, () -> Tusk.connect(server.conninfo() + " sslmode=prefer"));
      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains("after the SSL response"), error.getMessage());
      assertFalse(error.getMessage().contains("6.6.6"), error.getMessage());
    }
  }

  /**
   * libpq CVE-2024-10977: an ErrorResponse in answer to SSLRequest was shown as the server's error,
   * though a man in the middle could have written it. Tusk ends the attempt with an error of its
   * own that does not repeat the text.
   */
  @Test
  @DisplayName("CVE-2024-10977: an error answering SSLRequest is not shown as the server's word")
  void cve_2024_10977_errorAnsweringSslRequestIsNotTheServersWord() {
    byte[] forged = errorResponse("FATAL", "28000", "Visit evil.example to renew your password");
    Script script = Script.create().answerSslRequest(forged);
    try (FakeServer server = FakeServer.start(script)) {
      SqlclientUnableToEstablishSqlconnection error =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () -> Tusk.connect(server.conninfo() + " sslmode=prefer"));
      assertEquals("08001", error.sqlState());
      assertTrue(
          error.getMessage().contains("error response during SSL negotiation"), error.getMessage());
      assertFalse(error.getMessage().contains("evil"), error.getMessage());
      assertFalse(error.diagnostic().toString().contains("evil"), error.diagnostic().toString());
      assertEquals(1, server.connections(), "no second attempt on the strength of a forged error");
      server.verify();
    }
  }

  /** Neither S, N nor E: a protocol violation, with the socket closed. */
  @Test
  void garbageAnsweringSslRequestIsAProtocolViolation() {
    Script script = Script.create().answerSslRequest((byte) 'H', (byte) 'T', (byte) 'T');
    try (FakeServer server = FakeServer.start(script)) {
      ProtocolViolation error =
          assertThrows(ProtocolViolation.class, () -> Tusk.connect(server.conninfo()));
      assertEquals("08P01", error.sqlState());
      server.verify();
    }
  }
}
