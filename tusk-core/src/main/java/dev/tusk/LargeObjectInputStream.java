package dev.tusk;

import java.io.InputStream;
import java.util.Objects;

/** {@link LargeObject#inputStream()}: reads a chunk per round trip. */
final class LargeObjectInputStream extends InputStream {

  private final LargeObject object;
  private final int chunk;
  private byte[] buffer = new byte[0];
  private int next;
  private boolean end;

  LargeObjectInputStream(LargeObject object, int chunk) {
    this.object = object;
    this.chunk = chunk;
  }

  @Override
  public int read() {
    return fill() ? buffer[next++] & 0xff : -1;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, buffer.length - next);
    System.arraycopy(buffer, next, bytes, offset, n);
    next += n;
    return n;
  }

  /** Whether buffered bytes are left, reading the next chunk if needed. */
  private boolean fill() {
    if (next < buffer.length) {
      return true;
    }
    if (end) {
      return false;
    }
    buffer = object.read(chunk);
    next = 0;
    end = buffer.length < chunk;
    return buffer.length > 0;
  }

  @Override
  public int available() {
    return buffer.length - next;
  }
}
