package dev.tusk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TlsTransport against the JDK's own TLS server on loopback: the non-blocking contract (reads and
 * writes never block, await returns at once for buffered plaintext, an interrupt ends a wait
 * without closing), megabytes both ways at once, and TLS 1.3 key updates in the middle of the
 * stream (forced by a tiny key limit), which the reading side must answer.
 */
@Timeout(60)
class TlsTransportTest {

  private static SSLContext serverContext;
  private SSLServerSocket listener;

  @BeforeAll
  static void serverContext() throws Exception {
    // A key update after every 4 KiB, each way, so the stream below crosses dozens of them.
    Security.setProperty("jdk.tls.keyLimits", "AES/GCM/NoPadding KeyUpdate 2^12");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsTransportTest.class.getResourceAsStream("server.p12")) {
      keys.load(in, "fixture-pass".toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(keys, "fixture-pass".toCharArray());
    serverContext = SSLContext.getInstance("TLSv1.3");
    serverContext.init(factory.getKeyManagers(), null, null);
  }

  @AfterEach
  void closeListener() throws Exception {
    if (listener != null) {
      listener.close();
    }
  }

  private TlsTransport connect(ServerScript script) throws Exception {
    listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0);
    Thread.ofVirtual()
        .start(
            () -> {
              try (SSLSocket socket = (SSLSocket) listener.accept()) {
                script.run(socket);
              } catch (Exception e) {
                // The test's own assertions report what went wrong.
              }
            });
    Transport socket =
        SocketTransport.tcp(
            "localhost", listener.getLocalPort(), Duration.ofSeconds(5), Keepalive.OFF);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {new TrustingManager()}, null);
    SSLEngine engine = client.createSSLEngine("localhost", listener.getLocalPort());
    engine.setUseClientMode(true);
    return TlsTransport.handshake(socket, engine);
  }

  private interface ServerScript {
    void run(SSLSocket socket) throws Exception;
  }

  @Test
  void bufferedPlaintextIsReadyWithoutWaiting() throws Exception {
    try (TlsTransport tls =
        connect(
            socket -> {
              socket.getOutputStream().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
              socket.getOutputStream().flush();
              socket.getInputStream().read();
            })) {
      assertEquals("TLSv1.3", tls.protocol());
      assertEquals(
          "CN=localhost",
          ((X509Certificate) tls.serverCertificate()).getSubjectX500Principal().getName());
      ByteBuffer two = ByteBuffer.allocate(2);
      while (two.hasRemaining()) {
        if (tls.read(two) == 0) {
          tls.await(Transport.READ, 0);
        }
      }
      // Six decrypted bytes wait in the transport, none on the socket: await must not block.
      long start = System.nanoTime();
      assertEquals(Transport.READ, tls.await(Transport.READ, TimeUnit.SECONDS.toNanos(5)));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
      ByteBuffer rest = ByteBuffer.allocate(6);
      assertEquals(6, tls.read(rest));
      assertArrayEquals(new byte[] {3, 4, 5, 6, 7, 8}, rest.array());
      assertEquals(0, tls.read(ByteBuffer.allocate(1)), "nothing more: a read returns at once");
    }
  }

  @Test
  void anInterruptEndsAWaitWithoutClosing() throws Exception {
    try (TlsTransport tls =
        connect(
            socket -> {
              DataInputStream in = new DataInputStream(socket.getInputStream());
              int value = in.readInt();
              new java.io.DataOutputStream(socket.getOutputStream()).writeInt(value + 1);
              socket.getOutputStream().flush();
              in.read();
            })) {
      Thread.currentThread().interrupt();
      tls.await(Transport.READ, TimeUnit.SECONDS.toNanos(5));
      assertTrue(Thread.interrupted(), "the interrupt flag stays set");
      assertTrue(tls.isOpen());
      tls.writeFully(new byte[] {0, 0, 0, 41}, 0, 4);
      byte[] answer = new DataInputStream(tls.blockingInput()).readNBytes(4);
      assertArrayEquals(new byte[] {0, 0, 0, 42}, answer);
    }
  }

  @Test
  void megabytesBothWaysAtOnceAcrossKeyUpdates() throws Exception {
    byte[] data = new byte[2 << 20];
    new Random(7).nextBytes(data);
    try (TlsTransport tls =
        connect(
            socket -> {
              // Echo: what the client writes comes back, while it is still writing.
              InputStream in = socket.getInputStream();
              OutputStream out = socket.getOutputStream();
              byte[] buffer = new byte[8192];
              int total = 0;
              while (total < data.length) {
                int count = in.read(buffer);
                if (count < 0) {
                  return;
                }
                out.write(buffer, 0, count);
                total += count;
              }
              out.flush();
              in.read();
            })) {
      // One thread writes while another reads, as the engine's writer and reader may.
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  tls.writeFully(data, 0, data.length);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      byte[] echoed = new DataInputStream(tls.blockingInput()).readNBytes(data.length);
      writer.get(30, TimeUnit.SECONDS);
      assertArrayEquals(data, echoed);
    }
  }

  /** The server's certificate is self-signed; trust is not what these tests are about. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
