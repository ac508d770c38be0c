package dev.tusk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy in front of a server that a test can break in the ways networks break, without
 * stopping the server every test shares:
 *
 * <ul>
 *   <li>{@link #cut()}: every proxied connection is closed and new ones are closed as soon as they
 *       are accepted, as if the server went away;
 *   <li>{@link #reset()}: every proxied connection is reset (RST), as a crashed host or a firewall
 *       does; new connections are still proxied;
 *   <li>{@link #blackHole()}: bytes are no longer forwarded, in either direction, but every socket
 *       stays open: a link that silently drops everything, which only timeouts can detect;
 *   <li>{@link #delay(Duration)}: each chunk of bytes is forwarded only after a pause;
 *   <li>{@link #delayNewConnections(Duration)}: the same, only on connections accepted from now on
 *       (a cancel request's, say, while the connection it cancels stays prompt);
 *   <li>{@link #corrupt()}: every byte the client receives has its bits inverted;
 *   <li>{@link #cutAfter(long)}: the connections are closed once that many more bytes have gone to
 *       the client, typically in the middle of a message.
 * </ul>
 *
 * {@link #restore()} ends every fault. The faults apply to connections already open and to new
 * ones.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
 *   Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride());
 *   proxy.blackHole(); // conn's next statement gets no answer
 *   proxy.restore();   // the link works again
 *   proxy.cut();       // conn is lost; connecting fails
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

  private static final long NO_LIMIT = Long.MAX_VALUE;

  /** How many bytes {@link #sentToClients()} keeps. */
  public static final int RECORD_LIMIT = 65536;

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean cut;
  private volatile boolean blackHole;
  private volatile boolean corrupt;
  private volatile Duration delay = Duration.ZERO;
  private volatile Duration newConnectionDelay = Duration.ZERO;

  /** The first bytes servers sent to clients, for tests that inspect the wire. */
  private final ByteArrayOutputStream toClientRecord = new ByteArrayOutputStream();

  private final ReentrantLock recordLock = new ReentrantLock();

  /** Bytes that may still go to clients before the links are cut. */
  private final AtomicLong toClientBudget = new AtomicLong(NO_LIMIT);

  private FaultProxy(ServerSocket listener, InetSocketAddress upstream) {
    this.listener = listener;
    this.upstream = upstream;
    this.acceptor = Thread.ofPlatform().daemon().name("fault-proxy-accept").unstarted(this::accept);
  }

  /** Starts a proxy on a free loopback port, forwarding to {@code host:port}. */
  public static FaultProxy start(String host, int port) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FaultProxy proxy = new FaultProxy(listener, new InetSocketAddress(host, port));
      proxy.acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port the proxy listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Conninfo keywords that, appended to a conninfo, connect through this proxy. */
  public String conninfoOverride() {
    return "host=" + listener.getInetAddress().getHostAddress() + " port=" + port();
  }

  /** Closes every proxied connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    sockets.forEach(FaultProxy::closeQuietly);
  }

  /** Resets every proxied connection (RST on both sides); new connections are still proxied. */
  public void reset() {
    // Linger 0 on every socket before closing any: a pipe thread that sees one side close then
    // closes the other itself, and that close must be a reset too, not an orderly FIN.
    for (Socket socket : sockets) {
      try {
        socket.setSoLinger(true, 0);
      } catch (SocketException e) {
        // already closed: nothing to reset
      }
    }
    sockets.forEach(FaultProxy::closeQuietly);
  }

  /** Stops forwarding in both directions, keeping every socket open, until {@link #restore()}. */
  public void blackHole() {
    blackHole = true;
  }

  /** Pauses before forwarding each chunk of bytes, in both directions, until {@link #restore()}. */
  public void delay(Duration pause) {
    delay = pause;
  }

  /**
   * Pauses before forwarding each chunk of bytes, in both directions, on the connections accepted
   * from now on (those open already stay prompt), until {@link #restore()}.
   */
  public void delayNewConnections(Duration pause) {
    newConnectionDelay = pause;
  }

  /** Inverts every bit of what clients receive until {@link #restore()}. */
  public void corrupt() {
    corrupt = true;
  }

  /**
   * Lets {@code bytes} more bytes through to the clients, then closes every proxied connection (and
   * refuses new ones, as {@link #cut()}) until {@link #restore()}.
   */
  public void cutAfter(long bytes) {
    toClientBudget.set(bytes);
  }

  /** Ends every fault: proxies new connections again, and forwards promptly and faithfully. */
  public void restore() {
    cut = false;
    blackHole = false;
    corrupt = false;
    delay = Duration.ZERO;
    newConnectionDelay = Duration.ZERO;
    toClientBudget.set(NO_LIMIT);
  }

  /**
   * The first {@value #RECORD_LIMIT} bytes the server sent to clients through this proxy, as they
   * were forwarded (all connections' bytes in arrival order: inspect one connection at a time).
   */
  public byte[] sentToClients() {
    recordLock.lock();
    try {
      return toClientRecord.toByteArray();
    } finally {
      recordLock.unlock();
    }
  }

  /** How many sockets (client and server sides) the proxy holds open now. */
  public int openSockets() {
    return (int) sockets.stream().filter(socket -> !socket.isClosed()).count();
  }

  /** Stops listening and closes every proxied connection. */
  @Override
  public void close() {
    closeQuietly(listener);
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
        } else {
          connect(client);
        }
      } catch (IOException e) {
        // the listener was closed: stop
      }
    }
  }

  private void connect(Socket client) {
    Socket server = new Socket();
    try {
      server.connect(upstream);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    sockets.add(client);
    sockets.add(server);
    Duration own = newConnectionDelay;
    Thread.ofVirtual().start(() -> pipe(client, server, false, own));
    Thread.ofVirtual().start(() -> pipe(server, client, true, own));
  }

  /** Copies {@code from} to {@code to}, applying the faults, until either ends; closes both. */
  private void pipe(Socket from, Socket to, boolean toClient, Duration own) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        forward(buffer, n, out, toClient, own);
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: end both
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private void forward(byte[] buffer, int count, OutputStream out, boolean toClient, Duration own)
      throws IOException, InterruptedException {
    Duration pause = delay.isZero() ? own : delay;
    if (!pause.isZero()) {
      Thread.sleep(pause);
    }
    if (blackHole) {
      return; // dropped: nothing tells either side
    }
    long budget = toClient ? toClientBudget.getAndUpdate(left -> spend(left, count)) : NO_LIMIT;
    int allowed = (int) Math.min(count, budget);
    if (toClient && corrupt) {
      for (int i = 0; i < allowed; i++) {
        buffer[i] = (byte) ~buffer[i];
      }
    }
    if (toClient) {
      record(buffer, allowed);
    }
    out.write(buffer, 0, allowed);
    out.flush();
    if (budget <= count) {
      cut();
      throw new IOException("cut after the bytes cutAfter allowed");
    }
  }

  private void record(byte[] buffer, int count) {
    recordLock.lock();
    try {
      int room = RECORD_LIMIT - toClientRecord.size();
      toClientRecord.write(buffer, 0, Math.max(0, Math.min(room, count)));
    } finally {
      recordLock.unlock();
    }
  }

  private static long spend(long left, int count) {
    return left == NO_LIMIT ? left : Math.max(0, left - count);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing is best effort: the socket is unusable either way
    }
  }
}
