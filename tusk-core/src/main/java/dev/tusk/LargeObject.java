package dev.tusk;

import dev.tusk.errors.InterfaceError;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

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

  private final Connection connection;
  private final long oid;
  private final int descriptor;
  private boolean closed;

  LargeObject(Connection connection, long oid, int descriptor) {
    this.connection = connection;
    this.oid = oid;
    this.descriptor = descriptor;
  }

  /** The large object's OID. */
  public long oid() {
    return oid;
  }

  /** Up to {@code max} bytes from the position ({@code loread}); empty at the end. */
  public byte[] read(int max) {
    checkOpen();
    if (max < 0) {
      throw new IllegalArgumentException("cannot read a negative number of bytes: " + max);
    }
    return connection.execute("SELECT loread($1, $2)", descriptor, max).fetchOne().getBytes(0);
  }

  /** Writes all of {@code bytes} at the position ({@code lowrite}). */
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /** Writes {@code length} bytes of {@code bytes} from {@code offset} at the position. */
  public void write(byte[] bytes, int offset, int length) {
    checkOpen();
    byte[] part =
        offset == 0 && length == bytes.length
            ? bytes
            : Arrays.copyOfRange(bytes, offset, offset + length);
    connection.execute("SELECT lowrite($1, $2)", descriptor, part);
  }

  /** Moves the position ({@code lo_lseek64}) and returns the new one. */
  public long seek(long offset, Whence whence) {
    checkOpen();
    return connection
        .execute("SELECT lo_lseek64($1, $2, $3)", descriptor, offset, whence.code)
        .fetchOne()
        .getLong(0);
  }

  /** The position ({@code lo_tell64}). */
  public long tell() {
    checkOpen();
    return connection.execute("SELECT lo_tell64($1)", descriptor).fetchOne().getLong(0);
  }

  /** The size in bytes (found by seeking to the end and back). */
  public long size() {
    long position = tell();
    long size = seek(0, Whence.END);
    seek(position, Whence.START);
    return size;
  }

  /** Cuts or zero-extends the object to {@code length} bytes ({@code lo_truncate64}). */
  public void truncate(long length) {
    checkOpen();
    connection.execute("SELECT lo_truncate64($1, $2)", descriptor, length);
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
    return !closed;
  }

  /** Closes the descriptor ({@code lo_close}); closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      connection.execute("SELECT lo_close($1)", descriptor);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new InterfaceError("the large object " + oid + " is closed");
    }
  }
}
