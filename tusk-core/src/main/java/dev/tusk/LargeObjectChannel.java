package dev.tusk;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;

/** {@link LargeObject#channel()}: each call is a round trip on the object's descriptor. */
final class LargeObjectChannel implements SeekableByteChannel {

  private final LargeObject object;
  private boolean open = true;

  LargeObjectChannel(LargeObject object) {
    this.object = object;
  }

  @Override
  public int read(ByteBuffer dst) throws ClosedChannelException {
    checkOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    byte[] bytes = object.read(Math.min(dst.remaining(), LargeObjects.CHUNK));
    if (bytes.length == 0) {
      return -1;
    }
    dst.put(bytes);
    return bytes.length;
  }

  @Override
  public int write(ByteBuffer src) throws ClosedChannelException {
    checkOpen();
    int n = Math.min(src.remaining(), LargeObjects.CHUNK);
    byte[] bytes = new byte[n];
    src.get(bytes);
    object.write(bytes);
    return n;
  }

  @Override
  public long position() throws ClosedChannelException {
    checkOpen();
    return object.tell();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
    checkOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("a position cannot be negative: " + newPosition);
    }
    object.seek(newPosition, LargeObject.Whence.START);
    return this;
  }

  @Override
  public long size() throws ClosedChannelException {
    checkOpen();
    return object.size();
  }

  /** Cuts the object to {@code size} if it is longer; never extends it, as the contract says. */
  @Override
  public SeekableByteChannel truncate(long size) throws ClosedChannelException {
    checkOpen();
    if (size < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + size);
    }
    long position = object.tell();
    if (size < object.size()) {
      object.truncate(size);
    }
    if (position > size) {
      object.seek(size, LargeObject.Whence.START);
    }
    return this;
  }

  @Override
  public boolean isOpen() {
    return open && object.isOpen();
  }

  /** Closes the channel and the large object under it. */
  @Override
  public void close() {
    open = false;
    object.close();
  }

  private void checkOpen() throws ClosedChannelException {
    if (!isOpen()) {
      throw new ClosedChannelException();
    }
  }
}
