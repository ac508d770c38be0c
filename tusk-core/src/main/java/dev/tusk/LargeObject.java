package dev.tusk;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * One open large object (a descriptor from {@code lo_open}), with a position that reads and writes
 * advance. Valid until {@link #close()} or the end of the transaction that opened it. Every call is
 * a round trip; the stream views buffer, the channel does not. The views share this object's
 * position, so use one of them at a time. Not thread-safe.
 */
public final class LargeObject implements AutoCloseable {

  /** Where {@link #seek(long, Whence)} counts from. */
  public enum Whence {
    /** From the start ({@code SEEK_SET}). */
    START(0),
    /** From the current position ({@code SEEK_CUR}). */
    CURRENT(1),
    /** From the end ({@code SEEK_END}). */
    END(2);

    final int code;

    Whence(int code) {
      this.code = code;
    }
  }

  private final LargeObjectDescriptor descriptor;

  LargeObject(LargeObjectDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  /** The large object's OID. */
  public long oid() {
    return descriptor.oid();
  }

  /** Up to {@code max} bytes from the position ({@code loread}); empty at the end. */
  public byte[] read(int max) {
    return Futures.join(descriptor.read(max));
  }

  /** Writes all of {@code bytes} at the position ({@code lowrite}). */
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /** Writes {@code length} bytes of {@code bytes} from {@code offset} at the position. */
  public void write(byte[] bytes, int offset, int length) {
    Futures.join(descriptor.write(bytes, offset, length));
  }

  /** Moves the position ({@code lo_lseek64}) and returns the new one. */
  public long seek(long offset, Whence whence) {
    return Futures.join(descriptor.seek(offset, whence));
  }

  /** The position ({@code lo_tell64}). */
  public long tell() {
    return Futures.join(descriptor.tell());
  }

  /** The size in bytes (found by seeking to the end and back). */
  public long size() {
    return Futures.join(descriptor.size());
  }

  /** Cuts or zero-extends the object to {@code length} bytes ({@code lo_truncate64}). */
  public void truncate(long length) {
    Futures.join(descriptor.truncate(length));
  }

  /** A stream reading from the position on, buffering {@code 1 MiB} per round trip. */
  public InputStream inputStream() {
    return new LargeObjectInputStream(this, LargeObjects.CHUNK);
  }

  /** A stream writing at the position, sending {@code 1 MiB} per round trip; flush or close it. */
  public OutputStream outputStream() {
    return new LargeObjectOutputStream(this, LargeObjects.CHUNK);
  }

  /** This object as a channel: each read or write is one round trip, at most 1 MiB. */
  public SeekableByteChannel channel() {
    return new LargeObjectChannel(this);
  }

  boolean isOpen() {
    return descriptor.isOpen();
  }

  /** Closes the descriptor ({@code lo_close}); closing twice does nothing. */
  @Override
  public void close() {
    Futures.join(descriptor.close());
  }
}
