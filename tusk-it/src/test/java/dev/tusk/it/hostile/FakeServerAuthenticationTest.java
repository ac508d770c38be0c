package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.authentication;
import static dev.tusk.testing.fake.BackendMessages.authenticationSasl;
import static dev.tusk.testing.fake.BackendMessages.commandComplete;
import static dev.tusk.testing.fake.BackendMessages.dataRow;
import static dev.tusk.testing.fake.BackendMessages.rowDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.InvalidPassword;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.FrontendMessage;
import dev.tusk.testing.fake.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication exchanges a real server in the test suite never makes, through the fake server:
 * each ends in a typed error, with the socket closed, in bounded time; the usual ones work.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class FakeServerAuthenticationTest {

  private static final Script ANSWER_42 =
      Script.create()
          .answerExtendedQuery(
              rowDescription("answer"), dataRow("42"), commandComplete("SELECT 1"));

  @Test
  void md5PasswordAndAQuery() {
    Script script = Script.create().startup().md5Password("sesame").ready();
    try (FakeServer server = FakeServer.start(script.then(ANSWER_42));
        Connection conn = Tusk.connect(server.conninfo() + " password=sesame")) {
      assertEquals("42", conn.execute("SELECT 42").fetchOne().getString("answer"));
      server.verify();
    }
  }

  @Test
  void cleartextPassword() {
    Script script = Script.create().startup().cleartextPassword("sesame").ready();
    try (FakeServer server = FakeServer.start(script.then(ANSWER_42));
        Connection conn = Tusk.connect(server.conninfo() + " password=sesame")) {
      assertEquals("42", conn.execute("SELECT 42").fetchOne().getString(0));
      FrontendMessage password =
          server.received().stream().filter(m -> m.type() == 'p').findFirst().orElseThrow();
      assertEquals("sesame", password.firstString());
      server.verify();
    }
  }

  @Test
  void wrongPasswordIsTheServersFatalError() {
    Script script = Script.create().startup().md5Password("sesame").ready();
    try (FakeServer server = FakeServer.start(script)) {
      InvalidPassword error =
          assertThrows(
              InvalidPassword.class, () -> Tusk.connect(server.conninfo() + " password=wrong"));
      assertEquals("28P01", error.sqlState());
      assertFalse(error.getMessage().contains("wrong"), error.getMessage());
      server.verify();
    }
  }

  @Test
  void unknownAuthenticationRequestCode() {
    Script script = Script.create().startup().send(authentication(99));
    try (FakeServer server = FakeServer.start(script)) {
      FeatureNotSupported error =
          assertThrows(FeatureNotSupported.class, () -> Tusk.connect(server.conninfo()));
      assertEquals("0A000", error.sqlState());
      assertTrue(error.getMessage().contains("99"), error.getMessage());
      server.verify();
    }
  }

  @Test
  void saslWithNoMechanismTuskKnows() {
    Script script = Script.create().startup().send(authenticationSasl("SCRAM-SHA-512", "X-MAGIC"));
    try (FakeServer server = FakeServer.start(script)) {
      FeatureNotSupported error =
          assertThrows(
              FeatureNotSupported.class, () -> Tusk.connect(server.conninfo() + " password=p"));
      assertTrue(error.getMessage().contains("SCRAM-SHA-512"), error.getMessage());
      assertTrue(error.getMessage().contains("SCRAM-SHA-256"), error.getMessage());
      // Nothing was sent in answer: no mechanism was chosen, no password left the client.
      assertTrue(server.received().stream().noneMatch(m -> m.type() == 'p'));
      server.verify();
    }
  }

  @Test
  void serverThatNeverAnswersTheStartupEndsAtConnectTimeout() {
    Script script = Script.create().startup().silence();
    try (FakeServer server = FakeServer.start(script)) {
      long start = System.nanoTime();
      SqlclientUnableToEstablishSqlconnection error =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () -> Tusk.connect(server.conninfo() + " connect_timeout=1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(error.getMessage().contains("connect_timeout"), error.getMessage());
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
      server.verify();
    }
  }
}
