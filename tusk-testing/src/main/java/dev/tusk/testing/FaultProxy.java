package dev.tusk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the test server that a test can cut and restore, to make the server seem
 * to go away and come back without stopping the server every test shares. While cut, every proxied
 * connection is closed and new ones are closed as soon as they are accepted.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
 *   Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride());
 *   proxy.cut();     // conn is lost; connecting fails
 *   proxy.restore(); // connecting works again
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean cut;

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

  /** Proxies new connections again. */
  public void restore() {
    cut = false;
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
    Thread.ofVirtual().start(() -> pipe(client, server));
    Thread.ofVirtual().start(() -> pipe(server, client));
  }

  /** Copies {@code from} to {@code to} until either ends, then closes both. */
  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // one side went away: end both
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing is best effort: the socket is unusable either way
    }
  }
}
