package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.ProtocolViolation;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The startup steps handle what they expect, ignore what they may, and treat any other backend
 * message as a protocol violation naming it.
 */
class StartupDispatchTest {

  /** Backend messages as the server frames them: type byte, int32 length, body. */
  private static final class Wire {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Wire message(char type, byte[] body) throws IOException {
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(type);
      out.writeInt(body.length + 4);
      out.write(body);
      return this;
    }

    Wire parameterStatus(String name, String value) throws IOException {
      return message('S', (name + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
    }

    Wire notice(String text) throws IOException {
      return message('N', ("SNOTICE\0M" + text + "\0\0").getBytes(StandardCharsets.UTF_8));
    }

    Wire commandComplete(String tag) throws IOException {
      return message('C', (tag + "\0").getBytes(StandardCharsets.UTF_8));
    }

    Wire authenticationOk() throws IOException {
      return message('R', new byte[] {0, 0, 0, 0});
    }

    Wire backendKey(int pid, int key) throws IOException {
      return message('K', new byte[] {0, 0, 0, (byte) pid, 0, 0, 0, (byte) key});
    }

    Wire readyForQuery() throws IOException {
      return message('Z', new byte[] {'I'});
    }

    BackendMessageReader reader() {
      return new BackendMessageReader(new ByteArrayInputStream(bytes.toByteArray()), 1 << 20);
    }
  }

  private static Authenticator authentication(BackendMessageReader reader) {
    Environment environment = new Environment(Map.of(), null, "alice");
    ConnectionSettings settings = ConnInfo.parse("user=alice", environment);
    return new Authenticator(
        settings,
        new HostPort("h", 5432),
        null,
        reader,
        null,
        false,
        0,
        new OAuthFlow(settings.oauth()));
  }

  @Test
  void startupParametersStoreWhatTheServerReportsAndEndAtReadyForQuery() throws IOException {
    BackendMessageReader reader =
        new Wire()
            .parameterStatus("server_version", "17.2")
            .notice("hello")
            .backendKey(7, 9)
            .readyForQuery()
            .commandComplete("never read")
            .reader();
    ServerState state = new ServerState();
    new StartupParameters(reader, state).read();
    assertEquals("17.2", state.parameter("server_version"));
    assertEquals(7, state.processId());
    assertArrayEquals(new byte[] {0, 0, 0, 9}, state.secretKey());
    assertEquals('I', state.transactionStatus());
  }

  @Test
  void startupParametersRefuseAnythingElse() throws IOException {
    BackendMessageReader reader =
        new Wire().parameterStatus("a", "b").commandComplete("SELECT 1").readyForQuery().reader();
    ProtocolViolation error =
        assertThrows(
            ProtocolViolation.class, () -> new StartupParameters(reader, new ServerState()).read());
    assertEquals("unexpected CommandComplete during startup", error.diagnostic().messagePrimary());
  }

  @Test
  void authenticationEndsAtAuthenticationOkPastNotices() throws IOException {
    BackendMessageReader reader = new Wire().notice("hi").authenticationOk().reader();
    authentication(reader).run();
  }

  @Test
  void authenticationRefusesAnythingElse() throws IOException {
    BackendMessageReader reader = new Wire().readyForQuery().reader();
    ProtocolViolation error =
        assertThrows(ProtocolViolation.class, () -> authentication(reader).run());
    assertEquals("unexpected ReadyForQuery during startup", error.diagnostic().messagePrimary());
  }
}
