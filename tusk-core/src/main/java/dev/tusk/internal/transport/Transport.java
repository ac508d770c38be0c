package dev.tusk.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One open socket to a server, TCP or Unix-domain, as a blocking {@link SocketChannel}. One thread
 * may read while another writes; the engine guarantees there is exactly one of each.
 */
public final class Transport implements AutoCloseable {

  private final SocketChannel channel;
  private final InputStream input;
  private final String description;

  private Transport(SocketChannel channel, String description) {
    this.channel = channel;
    this.input = new ChannelInputStream(channel);
    this.description = description;
  }

  /**
   * Connects over TCP with {@code TCP_NODELAY} (requests are written whole, so Nagle's delay only
   * adds latency) and the given keepalive.
   */
  public static Transport tcp(String host, int port, Duration timeout, Keepalive keepalive)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      keepalive.apply(channel);
      // The channel's own connect() has no timeout; its socket adaptor's has.
      channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
      return new Transport(channel, host + ":" + port);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Connects to the Unix-domain socket {@code path} (for example {@code /tmp/.s.PGSQL.5432}). */
  public static Transport unix(Path path) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(path));
      return new Transport(channel, path.toString());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static int timeoutMillis(Duration timeout) {
    long millis = timeout.toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  /** The stream of bytes from the server. Only one thread may read it. */
  public InputStream input() {
    return input;
  }

  /** Writes all of {@code bytes[offset, offset + length)}. Only one thread may write. */
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Closes the socket; a thread blocked reading or writing it fails with an IOException. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is gone either way.
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
