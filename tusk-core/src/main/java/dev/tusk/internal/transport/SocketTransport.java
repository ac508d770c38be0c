package dev.tusk.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;

/**
 * A socket to a server, TCP or Unix-domain, as a non-blocking {@link SocketChannel}. Waiting goes
 * through selectors, which an interrupt wakes without closing the channel (a blocking channel
 * closes itself when a thread blocked in it is interrupted).
 *
 * <p>Two selectors, because the reading thread and the writing thread may wait at the same time:
 * the reader's waits for {@link #READ} (and for {@link #WRITE} too when the reader also flushes),
 * the writer's for {@link #WRITE} alone. A virtual thread waiting to read parks in the process's
 * {@link VirtualThreadPoller} instead, once the reader's selector has found nothing ready.
 */
public final class SocketTransport implements Transport {

  /**
   * The action of every select: nothing, since the ready key is known. A select with an action
   * leaves the selected-key set alone, whose HashSet would take a new node on every wait.
   */
  private static final Consumer<SelectionKey> NO_ACTION = key -> {};

  private final SocketChannel channel;
  private final Selector readSelector;
  private final SelectionKey readKey;
  private final Selector writeSelector;
  private final SelectionKey writeKey;
  private final String description;

  /** Registered with the process's poller on the first wait of a virtual thread to read. */
  private volatile VirtualThreadPoller.Registration pollerRegistration;

  private SocketTransport(SocketChannel channel, String description) throws IOException {
    this.channel = channel;
    this.description = description;
    channel.configureBlocking(false);
    this.readSelector = Selector.open();
    this.readKey = channel.register(readSelector, SelectionKey.OP_READ);
    this.writeSelector = Selector.open();
    this.writeKey = channel.register(writeSelector, SelectionKey.OP_WRITE);
  }

  /**
   * Connects over TCP with {@code TCP_NODELAY} (requests are written whole, so Nagle's delay only
   * adds latency) and the given keepalive.
   */
  public static SocketTransport tcp(String host, int port, Duration timeout, Keepalive keepalive)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      keepalive.apply(channel);
      // The channel's own connect() has no timeout; its socket adaptor's has.
      channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
      return new SocketTransport(channel, host + ":" + port);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Connects to the Unix-domain socket {@code path} (for example {@code /tmp/.s.PGSQL.5432}). */
  public static SocketTransport unix(Path path) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(path));
      return new SocketTransport(channel, path.toString());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static int timeoutMillis(Duration timeout) {
    long millis = timeout.toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    return channel.read(target);
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    return channel.write(source);
  }

  @Override
  public int await(int ops, long timeoutNanos) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    Selector selector;
    SelectionKey key;
    if ((ops & READ) != 0) {
      selector = readSelector;
      key = readKey;
      // Only the reading thread uses this key, so changing its interest is safe.
      int interest = SelectionKey.OP_READ | ((ops & WRITE) != 0 ? SelectionKey.OP_WRITE : 0);
      try {
        if (readKey.interestOps() != interest) {
          readKey.interestOps(interest);
        }
      } catch (CancelledKeyException e) {
        throw new ClosedChannelException();
      }
    } else {
      selector = writeSelector;
      key = writeKey;
    }
    long millis = timeoutNanos <= 0 ? 0 : Math.max(1, timeoutNanos / 1_000_000);
    // A virtual thread waiting to read only looks here at what has arrived, and waits in the
    // shared poller.
    boolean inPoller =
        ops == READ && Thread.currentThread().isVirtual() && VirtualThreadPoller.instance() != null;
    try {
      int selected = inPoller ? selector.selectNow(NO_ACTION) : selector.select(NO_ACTION, millis);
      if (selected == 0) {
        return inPoller && pollerRegistration().awaitReadable(timeoutNanos) ? READ : 0;
      }
      // The channel is the selector's only key.
      int readyOps = key.readyOps();
      return ((readyOps & SelectionKey.OP_READ) != 0 ? READ : 0)
          | ((readyOps & SelectionKey.OP_WRITE) != 0 ? WRITE : 0);
    } catch (ClosedSelectorException | CancelledKeyException e) {
      // close() ran meanwhile.
      throw new ClosedChannelException();
    }
  }

  /** This channel's registration with the shared poller, made on its first wait there. */
  private VirtualThreadPoller.Registration pollerRegistration() throws IOException {
    VirtualThreadPoller.Registration registration = pollerRegistration;
    if (registration == null) {
      // Only the reading thread gets here, so one registration is made.
      registration = VirtualThreadPoller.instance().register(channel);
      pollerRegistration = registration;
      if (!channel.isOpen()) {
        // close() ran before it could see the registration: release it here.
        registration.cancel();
      }
    }
    return registration;
  }

  @Override
  public void wakeup() {
    readSelector.wakeup();
    VirtualThreadPoller.Registration registration = pollerRegistration;
    if (registration != null) {
      registration.wake();
    }
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is gone either way.
    }
    // A thread waiting in a selector is not woken by the channel's close.
    VirtualThreadPoller.Registration registration = pollerRegistration;
    if (registration != null) {
      registration.cancel();
    }
    closeQuietly(readSelector);
    closeQuietly(writeSelector);
  }

  private static void closeQuietly(Selector selector) {
    try {
      selector.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * The operating-system user of the process at the other end of a Unix-domain socket ({@code
   * SO_PEERCRED}), for {@code requirepeer}.
   *
   * @throws IOException if this is not a Unix-domain socket or the platform cannot tell
   */
  public String peerUser() throws IOException {
    try {
      return channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
    } catch (UnsupportedOperationException e) {
      throw new IOException("the peer's user name cannot be read on this platform or socket", e);
    }
  }
}
