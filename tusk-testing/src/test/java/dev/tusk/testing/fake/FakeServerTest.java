package dev.tusk.testing.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The fake server's own contract, from a hand-written client. */
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class FakeServerTest {

  @Test
  void answersSslRequestWithNoThenRecordsTheStartupAndQuery() throws Exception {
    Script script =
        Script.create().handshake().expect('Q').send(BackendMessages.readyForQuery('I'));
    try (FakeServer server = FakeServer.start(script);
        Socket socket = new Socket(server.host(), server.port())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.writeInt(8);
      out.writeInt(80877103);
      assertEquals('N', in.readByte());
      startup(out, "alice");
      assertEquals('R', in.readByte());
      assertEquals(8, in.readInt());
      assertEquals(0, in.readInt());
      // ParameterStatus..., BackendKeyData, then ReadyForQuery.
      char type;
      do {
        type = (char) in.readByte();
        in.readNBytes(in.readInt() - 4);
      } while (type != 'Z');
      query(out, "SELECT 1");
      assertEquals('Z', in.readByte());
      in.readNBytes(5);
      socket.close();
      awaitConnectionEnd(server);

      List<FrontendMessage> received = server.received();
      assertEquals(3, received.size(), received::toString);
      assertEquals('Q', received.get(2).type());
      assertEquals("SELECT 1", received.get(2).firstString());
      server.verify();
    }
  }

  @Test
  void verifyReportsAClientThatSentTheWrongMessage() throws Exception {
    Script script = Script.create().expect('P');
    try (FakeServer server = FakeServer.start(script);
        Socket socket = new Socket(server.host(), server.port())) {
      query(new DataOutputStream(socket.getOutputStream()), "SELECT 1");
      assertEquals(-1, socket.getInputStream().read(), "the server hangs up on a failed script");
      AssertionError error = assertThrows(AssertionError.class, server::verify);
      assertTrue(error.getMessage().contains("expected a message of type 'P'"), error.getMessage());
      assertTrue(error.getMessage().contains("Query"), error.getMessage());
    }
  }

  @Test
  void headerAnnouncesAnyLength() {
    byte[] header = BackendMessages.header('D', -1);
    assertArrayEquals(new byte[] {'D', -1, -1, -1, -1}, header);
  }

  @Test
  void laterConnectionsFollowLaterScripts() throws Exception {
    Script first = Script.create().send(new byte[] {1}).close();
    Script second = Script.create().send(new byte[] {2}).close();
    try (FakeServer server = FakeServer.start(List.of(first, second))) {
      for (int expected : new int[] {1, 2, 2}) {
        try (Socket socket = new Socket(server.host(), server.port())) {
          assertEquals(expected, socket.getInputStream().read());
        }
      }
      assertEquals(3, server.connections());
    }
  }

  private static void startup(DataOutputStream out, String user) throws IOException {
    byte[] pairs = ("user\0" + user + "\0\0").getBytes(StandardCharsets.UTF_8);
    out.writeInt(8 + pairs.length);
    out.writeInt(196608);
    out.write(pairs);
  }

  private static void query(DataOutputStream out, String sql) throws IOException {
    byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
    out.writeByte('Q');
    out.writeInt(4 + text.length);
    out.write(text);
  }

  /** The server records what it read on its own thread: wait until the client's end reaches it. */
  private static void awaitConnectionEnd(FakeServer server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.received().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
