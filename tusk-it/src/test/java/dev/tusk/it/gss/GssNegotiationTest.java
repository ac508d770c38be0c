package dev.tusk.it.gss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.MessageProp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's side of GSSENCRequest seen from a server in the test (a JGSS acceptor with the
 * fixture's server key, see {@link GssAcceptingServer}): what the security context asks for, that
 * the StartupMessage travels sealed with confidentiality, and how hostile answers are refused.
 */
class GssNegotiationTest {

  private static final String INJECTED = "injected by a man in the middle";

  private static Subject client;
  private static Subject server;

  @BeforeAll
  static void start() throws Exception {
    KerberosFixture fixture = KerberosFixture.shared();
    client = fixture.login();
    server = fixture.serverLogin();
  }

  @Test
  void gssdelegationForwardsTheTicketAndTheStartupMessageIsSealed() throws Exception {
    for (boolean delegate : new boolean[] {true, false}) {
      try (GssAcceptingServer fake =
          new GssAcceptingServer(
              (in, out) -> {
                assertEquals(GssAcceptingServer.GSSENC_REQUEST, GssAcceptingServer.readRequest(in));
                GSSContext context = GssAcceptingServer.accept(server, in, out);
                byte[] sealed = GssAcceptingServer.readPacket(in);
                MessageProp properties = new MessageProp(0, false);
                byte[] startup = context.unwrap(sealed, 0, sealed.length, properties);
                byte[] error = GssAcceptingServer.errorResponse("28000", "the fake server is done");
                GssAcceptingServer.writePacket(
                    out, context.wrap(error, 0, error.length, new MessageProp(0, true)));
                return List.of(
                    context.getCredDelegState(),
                    properties.getPrivacy(),
                    new String(startup, StandardCharsets.UTF_8).contains("user\0tusk\0"));
              })) {
        var error =
            assertThrows(
                InvalidAuthorizationSpecification.class,
                () ->
                    connectAsClient(
                        fake, "gssencmode=require gssdelegation=" + (delegate ? 1 : 0)));
        // The server's error arrived sealed, and the client unsealed it: it is the server's word.
        assertTrue(error.getMessage().contains("the fake server is done"), error.getMessage());
        assertEquals(
            List.of(delegate, true, true),
            fake.outcome().get(10, TimeUnit.SECONDS),
            "delegate=" + delegate);
      }
    }
  }

  @Test
  void bytesArrivingWithTheGAreRefused() throws Exception {
    try (GssAcceptingServer fake =
        new GssAcceptingServer(
            (in, out) -> {
              GssAcceptingServer.readRequest(in);
              out.write(("G" + INJECTED).getBytes(StandardCharsets.UTF_8));
              out.flush();
              return in.read();
            })) {
      var error =
          assertThrows(ProtocolViolation.class, () -> connectAsClient(fake, "gssencmode=require"));
      assertTrue(
          error.getMessage().contains("received unencrypted data after the GSSAPI encryption"),
          error.getMessage());
      assertEquals(-1, fake.outcome().get(10, TimeUnit.SECONDS), "the client hung up");
    }
  }

  @Test
  void anErrorResponseToTheRequestIsNotShownAndPreferTriesTheNextMethod() throws Exception {
    GssAcceptingServer.Script error =
        (in, out) -> {
          GssAcceptingServer.readRequest(in);
          out.write(GssAcceptingServer.errorResponse("08P01", INJECTED));
          out.flush();
          return null;
        };
    try (GssAcceptingServer fake = new GssAcceptingServer(error)) {
      var refused =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () -> connectAsClient(fake, "gssencmode=require"));
      assertTrue(
          refused.getMessage().contains("error response during GSSAPI encryption negotiation"),
          refused.getMessage());
      assertFalse(refused.getMessage().contains(INJECTED), refused.getMessage());
    }
    try (GssAcceptingServer fake = new GssAcceptingServer(error, SECOND_ATTEMPT_REFUSED)) {
      assertPreferWentOnWithoutGssapi(fake);
    }
  }

  @Test
  void anErrorResponseOrAnOversizePacketDuringTheExchangeIsRefused() throws Exception {
    byte[][] answers = {
      GssAcceptingServer.errorResponse("XX000", INJECTED),
      new byte[] {0, 1, 0, 0} // 64 kB: over the exchange's limit of 64 kB less the length word
    };
    String[] expected = {"error response during GSSAPI encryption negotiation", "oversize GSSAPI"};
    for (int i = 0; i < answers.length; i++) {
      byte[] answer = answers[i];
      try (GssAcceptingServer fake =
          new GssAcceptingServer(
              (in, out) -> {
                GssAcceptingServer.readRequest(in);
                out.write('G');
                out.flush();
                GssAcceptingServer.readPacket(in); // the client's first token
                out.write(answer);
                out.flush();
                return null;
              })) {
        var refused =
            assertThrows(TuskException.class, () -> connectAsClient(fake, "gssencmode=require"));
        assertTrue(refused.getMessage().contains(expected[i]), refused.getMessage());
        assertFalse(refused.getMessage().contains(INJECTED), refused.getMessage());
      }
    }
  }

  @Test
  void preferGoesOnWithoutGssapiAfterAFailedExchange() throws Exception {
    try (GssAcceptingServer fake =
        new GssAcceptingServer(
            (in, out) -> {
              GssAcceptingServer.readRequest(in);
              out.write('G');
              out.flush();
              GssAcceptingServer.readPacket(in);
              out.write(GssAcceptingServer.errorResponse("XX000", INJECTED));
              out.flush();
              return null;
            },
            SECOND_ATTEMPT_REFUSED)) {
      assertPreferWentOnWithoutGssapi(fake);
    }
  }

  /**
   * A second socket's server without GSSAPI: 'N' to the client's request (the outcome), then the
   * StartupMessage in plain text refused.
   */
  private static final GssAcceptingServer.Script SECOND_ATTEMPT_REFUSED =
      (in, out) -> {
        int second = GssAcceptingServer.readRequest(in);
        out.write('N');
        out.flush();
        in.readNBytes(in.readInt() - 4); // the StartupMessage, in plain text
        out.write(GssAcceptingServer.errorResponse("28000", "second attempt refused"));
        out.flush();
        return second;
      };

  /**
   * Asserts that gssencmode=prefer, after the first socket failed, went on to SSLRequest on a
   * second socket ({@link #SECOND_ATTEMPT_REFUSED}) and reports that socket's refusal.
   */
  private static void assertPreferWentOnWithoutGssapi(GssAcceptingServer fake) throws Exception {
    var refused =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> connectAsClient(fake, "gssencmode=prefer sslmode=prefer"));
    assertTrue(refused.getMessage().contains("second attempt refused"), refused.getMessage());
    assertEquals(
        GssAcceptingServer.SSL_REQUEST,
        fake.outcome().get(10, TimeUnit.SECONDS),
        "prefer went on to SSLRequest on a new socket");
  }

  private static void connectAsClient(GssAcceptingServer fake, String settings) throws Exception {
    KerberosFixture.as(
        client,
        () -> {
          Tusk.connect(
                  "host=localhost port="
                      + fake.port()
                      + " user=tusk dbname=postgres connect_timeout=10 "
                      + settings)
              .close();
          return null;
        });
  }
}
