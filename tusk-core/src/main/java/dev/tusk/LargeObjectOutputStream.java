package dev.tusk;

import java.io.OutputStream;
import java.util.Objects;

/** {@link LargeObject#outputStream()}: writes a chunk per round trip. */
final class LargeObjectOutputStream extends OutputStream {

  private final LargeObject object;
  private final byte[] buffer;
  private int used;

  LargeObjectOutputStream(LargeObject object, int chunk) {
    this.object = object;
    this.buffer = new byte[chunk];
  }

  @Override
  public void write(int b) {
    if (used == buffer.length) {
      flush();
    }
    buffer[used++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      if (used == 0 && length >= buffer.length) {
        // A whole chunk or more: straight from the caller's array, one chunk per round trip.
        object.write(bytes, offset, buffer.length);
        offset += buffer.length;
        length -= buffer.length;
        continue;
      }
      int n = Math.min(length, buffer.length - used);
      System.arraycopy(bytes, offset, buffer, used, n);
      used += n;
      offset += n;
      length -= n;
      if (used == buffer.length) {
        flush();
      }
    }
  }

  @Override
  public void flush() {
    if (used > 0) {
      object.write(buffer, 0, used);
      used = 0;
    }
  }

  /** Writes what is buffered; the large object stays open. */
  @Override
  public void close() {
    flush();
  }
}
