package dev.tusk.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * An InputStream over a blocking SocketChannel. The JDK's {@code Channels.newInputStream} holds the
 * channel's blocking lock while reading, which would stall the writer thread for as long as the
 * reader waits for the server; this one reads without it.
 */
final class ChannelInputStream extends InputStream {

  private final SocketChannel channel;

  ChannelInputStream(SocketChannel channel) {
    this.channel = channel;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    return channel.read(ByteBuffer.wrap(bytes, offset, length));
  }
}
