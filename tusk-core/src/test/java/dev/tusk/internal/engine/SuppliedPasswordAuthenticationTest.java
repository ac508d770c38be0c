package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.internal.auth.Md5Password;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Environment;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessageReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authentication exchange asks the password supplier only when the server asks for a password,
 * once per request, and sends what it gave; methods that need no password, and requests that
 * require_auth refuses, never reach it.
 */
class SuppliedPasswordAuthenticationTest {

  private static final HostPort HOST = new HostPort("db.example.com", 5432);
  private static final byte[] SALT = {1, 2, 3, 4};

  private final List<HostPort> asked = new ArrayList<>();

  @Test
  void anMd5RequestAsksTheSupplierOnceAndSendsTheHashOfItsPassword() throws IOException {
    byte[] sent = authenticate("", authentication(5, SALT), authentication(0));
    assertEquals(List.of(HOST), asked);
    assertArrayEquals(passwordMessage(Md5Password.encode("alice", "token-1", SALT)), sent);
  }

  @Test
  void aCleartextRequestSendsThePasswordItGave() throws IOException {
    byte[] sent = authenticate("", authentication(3), authentication(0));
    assertEquals(List.of(HOST), asked);
    assertArrayEquals(passwordMessage("token-1".getBytes(StandardCharsets.UTF_8)), sent);
  }

  @Test
  void trustNeverAsksTheSupplier() throws IOException {
    byte[] sent = authenticate("", authentication(0));
    assertEquals(List.of(), asked);
    assertEquals(0, sent.length);
  }

  @Test
  void aRequestRequireAuthRefusesNeverAsksTheSupplier() {
    InvalidAuthorizationSpecification error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> authenticate(" require_auth=scram-sha-256", authentication(5, SALT)));
    assertTrue(
        error.getMessage().contains("server requested a hashed password"), error.getMessage());
    assertEquals(List.of(), asked);
  }

  @Test
  void aPasswordTheProtocolCannotCarryIsRefusedWithoutShowingIt() {
    InvalidAuthorizationSpecification error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> authenticate("", "tok\0en", authentication(3)));
    assertEquals("28000", error.sqlState());
    assertTrue(error.getMessage().contains("cannot be sent"), error.getMessage());
    assertTrue(!error.getMessage().contains("tok"), error.getMessage());
  }

  /** Runs the exchange against {@code messages} and returns what the client sent. */
  private byte[] authenticate(String extra, byte[]... messages) throws IOException {
    return authenticate(extra, null, messages);
  }

  /**
   * Runs the exchange against {@code messages}, the supplier giving {@code password} (null: {@code
   * token-1}, {@code token-2}, ...), and returns what the client sent.
   */
  private byte[] authenticate(String extra, String password, byte[]... messages)
      throws IOException {
    ConnectionSettings settings =
        ConnInfo.parse(
                "host=db.example.com dbname=app user=alice" + extra,
                new Environment(Map.of(), null, "alice"))
            .withPasswordSource(
                host -> {
                  asked.add(host);
                  return password != null ? password : "token-" + asked.size();
                });
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (byte[] message : messages) {
      wire.write(message);
    }
    BackendMessageReader reader =
        new BackendMessageReader(new ByteArrayInputStream(wire.toByteArray()), 1 << 20);
    try (Loopback loopback = Loopback.open()) {
      new Authenticator(
              settings,
              HOST,
              loopback.transport(),
              reader,
              null,
              false,
              0,
              new OAuthFlow(settings.oauth()))
          .run();
      return loopback.drain(loopback.outbound());
    }
  }

  /** An Authentication message: 'R', length, the request code, then {@code data}. */
  private static byte[] authentication(int code, byte... data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte('R');
    out.writeInt(8 + data.length);
    out.writeInt(code);
    out.write(data);
    return bytes.toByteArray();
  }

  /** A PasswordMessage: 'p', length, {@code body}, NUL. */
  private static byte[] passwordMessage(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte('p');
    out.writeInt(5 + body.length);
    out.write(body);
    out.writeByte(0);
    return bytes.toByteArray();
  }
}
