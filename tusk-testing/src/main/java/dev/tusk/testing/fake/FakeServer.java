package dev.tusk.testing.fake;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake PostgreSQL server on a loopback port that follows a {@link Script}: the backend side of
 * the wire protocol, for testing how a client copes with what a real server rarely does (odd
 * authentication requests, malformed or oversized messages, delays, links cut mid-message). It
 * speaks protocol 3 in plain text only and understands no SQL: the script says what to answer.
 *
 * <pre>{@code
 * Script script = Script.create()
 *     .handshake()
 *     .expectThrough('S')                                     // the client's query
 *     .send(BackendMessages.header('D', 0x3FFFFFF4));         // a DataRow that never comes
 * try (FakeServer server = FakeServer.start(script);
 *     Connection conn = Tusk.connect(server.conninfo())) {
 *   assertThrows(ProtocolViolation.class, () -> conn.execute("SELECT 1"));
 *   server.verify();                                          // the script ran as written
 * }
 * }</pre>
 *
 * <p>Each accepted connection runs on a virtual thread of its own. The first connection follows the
 * first script, the second the second, and so on; connections beyond the last script follow the
 * last one.
 */
public final class FakeServer implements AutoCloseable {

  private final ServerSocket listener;
  private final List<Script> scripts;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<FrontendMessage> received = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Set<FakeConnection> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  private FakeServer(ServerSocket listener, List<Script> scripts) {
    this.listener = listener;
    this.scripts = List.copyOf(scripts);
  }

  /** Starts a server on a free loopback port where every connection follows {@code script}. */
  public static FakeServer start(Script script) {
    return start(List.of(script));
  }

  /**
   * Starts a server on a free loopback port where connection {@code n} follows {@code
   * scripts.get(n)}, and those after the last script follow the last.
   */
  public static FakeServer start(List<Script> scripts) {
    if (scripts.isEmpty()) {
      throw new IllegalArgumentException("a fake server needs at least one script");
    }
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FakeServer server = new FakeServer(listener, scripts);
      server.threads.add(
          Thread.ofPlatform().daemon().name("fake-postgres-accept").start(server::accept));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The loopback address the server listens on. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** The port the server listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * A connection string for the server: host, port, user {@code tusk}, database {@code tusk}, and a
   * short {@code connect_timeout} (5 s) so that a client waiting on a silent script fails fast.
   * Keywords appended to it override these.
   */
  public String conninfo() {
    return "host=" + host() + " port=" + port() + " user=tusk dbname=tusk connect_timeout=5";
  }

  /** How many connections the server has accepted. */
  public int connections() {
    return accepted.get();
  }

  /** Every message every client sent, in the order received (startup packets with type 0). */
  public List<FrontendMessage> received() {
    return List.copyOf(received);
  }

  /**
   * Checks that no script failed: each client did what its script expected, as far as it got.
   *
   * @throws AssertionError naming each failed step and what the client did instead
   */
  public void verify() {
    if (!failures.isEmpty()) {
      throw new AssertionError("the fake server's scripts failed: " + failures);
    }
  }

  /** Stops listening and closes every connection; running scripts end. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing is best effort: the port is released either way
    }
    open.forEach(FakeConnection::close);
    threads.forEach(Thread::interrupt);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        int index = accepted.getAndIncrement();
        Script script = scripts.get(Math.min(index, scripts.size() - 1));
        FakeConnection connection = new FakeConnection(socket, received);
        open.add(connection);
        threads.add(
            Thread.ofVirtual()
                .name("fake-postgres-" + index)
                .start(() -> run(index, connection, script)));
      } catch (IOException e) {
        // the listener was closed: stop
      }
    }
  }

  private void run(int index, FakeConnection connection, Script script) {
    List<Step> steps = new ArrayList<>(script.steps());
    try {
      for (Step step : steps) {
        if (connection.isClosed()) {
          return;
        }
        runStep(index, connection, step);
      }
      if (!connection.isClosed()) {
        connection.drainUntilClosed();
      }
    } catch (IOException | InterruptedException e) {
      // failed steps are recorded; a client that hangs up after the script is no failure
    } finally {
      connection.close();
      open.remove(connection);
      threads.remove(Thread.currentThread());
    }
  }

  private void runStep(int index, FakeConnection connection, Step step)
      throws IOException, InterruptedException {
    try {
      step.run(connection);
    } catch (ScriptFailure e) {
      failures.add("connection " + index + ", step \"" + step.describe() + "\": " + e.getMessage());
      throw e;
    } catch (EOFException e) {
      failures.add(
          "connection " + index + ", step \"" + step.describe() + "\": the client hung up");
      throw e;
    } catch (IOException e) {
      if (!connection.isClosed()) {
        failures.add(
            "connection " + index + ", step \"" + step.describe() + "\": " + e.getMessage());
      }
      throw e;
    }
  }
}
