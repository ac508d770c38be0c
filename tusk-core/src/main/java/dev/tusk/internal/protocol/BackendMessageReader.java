package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Frames and decodes backend messages from a stream. Each read from the stream takes as much as it
 * offers (up to a 64 KiB buffer), so a burst of small messages costs one read call. Bodies are
 * decoded in place from that buffer, except DataRow and CopyData, whose body array becomes the
 * message's storage, and bodies larger than the buffer. Small DataRows are copied from the buffer
 * into chunks they share, if their maker wants that (see {@link RowChunks}). Memory follows what
 * has arrived, not what a header announces: a body larger than the buffer grows as its bytes come.
 * Not thread-safe.
 *
 * <p>After any exception the stream position is undefined and the connection must be closed.
 */
public final class BackendMessageReader {

  /** The size of the read buffer. */
  static final int BUFFER_SIZE = 64 * 1024;

  private static final int HEADER_BYTES = 5; // type byte + int32 length
  private static final int LENGTH_BYTES = 4;

  private final InputStream in;
  private final int maxMessageSize;
  private final DataRow.Maker rows;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private final MessageBody body = new MessageBody();
  private final RowChunks chunks = new RowChunks();
  private int position;
  private int limit;

  /**
   * Creates a reader of {@code in}.
   *
   * @param maxMessageSize the largest message body accepted, in bytes (the length field minus the
   *     four bytes of the field itself); larger messages are rejected before anything is allocated
   *     for them, and smaller ones are given memory only as their bytes arrive
   */
  public BackendMessageReader(InputStream in, int maxMessageSize) {
    this(in, maxMessageSize, DataRow.PLAIN);
  }

  /**
   * Creates a reader of {@code in} whose DataRows {@code rows} makes (see {@link DataRow.Maker}).
   *
   * @param maxMessageSize as for {@link #BackendMessageReader(InputStream, int)}
   */
  public BackendMessageReader(InputStream in, int maxMessageSize, DataRow.Maker rows) {
    if (maxMessageSize < 0) {
      throw new IllegalArgumentException("maxMessageSize must not be negative: " + maxMessageSize);
    }
    this.in = Objects.requireNonNull(in, "in");
    this.maxMessageSize = maxMessageSize;
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /**
   * Blocks until one whole message has arrived and returns it decoded.
   *
   * @throws ProtocolViolationException if the type is unknown, the length is below 4 or the body
   *     exceeds the limit, or the body does not match the message's layout
   * @throws EOFException if the stream ends before or inside a message
   * @throws IOException if reading the stream fails
   */
  public BackendMessage read() throws IOException {
    if (!fill(HEADER_BYTES)) {
      throw endOfStreamInHeader();
    }
    byte type = buffer[position];
    int length = BigEndian.int32(buffer, position + 1);
    checkHeader(type, length);
    WireTrace.backend(type, length);
    position += HEADER_BYTES;
    int size = length - LENGTH_BYTES;
    if (ownsBody(type, size) || size > buffer.length) {
      return BackendMessageDecoder.decode(
          body.reset(type, readOwned(type, size), 0, size, true), rows);
    }
    if (!fill(size)) {
      throw endOfStreamInBody(type, limit - position, size);
    }
    BackendMessage message =
        type == 'D'
            // A small row is copied from the buffer once, into a chunk it may share with others.
            ? DataRow.wrap(buffer, position, size, rows, chunks)
            : BackendMessageDecoder.decode(body.reset(type, buffer, position, size, false), rows);
    position += size;
    return message;
  }

  /** Whether bytes of a next message have arrived already (a read may still wait for the rest). */
  public boolean hasBuffered() {
    return position < limit;
  }

  /** Whether a whole next message has arrived already, so reading it cannot wait. */
  public boolean hasWholeMessage() {
    int buffered = limit - position;
    return buffered >= HEADER_BYTES && buffered >= 1 + BigEndian.int32(buffer, position + 1);
  }

  /**
   * CopyData and DataRows too large for a chunk keep their body, so it is read straight into an
   * array of its own.
   */
  private static boolean ownsBody(byte type, int size) {
    return type == 'd' || (type == 'D' && size > RowChunks.MAX_BODY);
  }

  private void checkHeader(byte type, int length) throws ProtocolViolationException {
    if (BackendMessageDecoder.name(type) == null) {
      throw new ProtocolViolationException(
          "received a message of "
              + BackendMessageDecoder.describe(type)
              + " with length "
              + length
              + ", which no server sends");
    }
    if (length < LENGTH_BYTES) {
      throw new ProtocolViolationException(
          BackendMessageDecoder.describe(type)
              + " message announces a length of "
              + length
              + ", below the minimum of "
              + LENGTH_BYTES);
    }
    if (length - LENGTH_BYTES > maxMessageSize) {
      throw new ProtocolViolationException(
          BackendMessageDecoder.describe(type)
              + " message of "
              + (length - LENGTH_BYTES)
              + " bytes exceeds the limit of "
              + maxMessageSize
              + " bytes (raise max_message_size to accept larger messages)");
    }
  }

  /**
   * Makes at least {@code needed} (at most the buffer size) bytes available from {@code position},
   * reading as much as the stream offers each time; false if the stream ends first.
   */
  private boolean fill(int needed) throws IOException {
    if (limit - position >= needed) {
      return true;
    }
    if (buffer.length - position < needed) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    while (limit - position < needed) {
      int count = in.read(buffer, limit, buffer.length - limit);
      if (count < 0) {
        return false;
      }
      limit += count;
    }
    return true;
  }

  /**
   * Reads a body into an array of exactly its size: what is buffered first, then large remainders
   * straight from the stream and small ones through the buffer, so following messages still arrive
   * in the same read. A body larger than the read buffer starts in an array of the buffer's size
   * that doubles as bytes arrive: a header alone, however large the length it announces, costs no
   * more than that, and a server must send a body to make the reader hold it.
   */
  private byte[] readOwned(byte type, int size) throws IOException {
    byte[] owned = new byte[Math.min(size, Math.max(BUFFER_SIZE, limit - position))];
    int filled = take(owned, 0, owned.length);
    while (filled < size) {
      if (filled == owned.length) {
        owned = Arrays.copyOf(owned, (int) Math.min(size, 2L * owned.length));
      }
      // The array never outgrows the body, so its free room is never more than what is missing.
      int room = owned.length - filled;
      if (position == limit && size - filled >= buffer.length) {
        int count = in.read(owned, filled, room);
        if (count < 0) {
          throw endOfStreamInBody(type, filled, size);
        }
        filled += count;
      } else {
        if (position == limit) {
          position = 0;
          limit = 0;
          int count = in.read(buffer, 0, buffer.length);
          if (count < 0) {
            throw endOfStreamInBody(type, filled, size);
          }
          limit = count;
        }
        filled += take(owned, filled, room);
      }
    }
    return owned;
  }

  /** Moves up to {@code wanted} buffered bytes into {@code target}; returns how many moved. */
  private int take(byte[] target, int offset, int wanted) {
    int count = Math.min(wanted, limit - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }

  private EOFException endOfStreamInHeader() {
    int buffered = limit - position;
    return new EOFException(
        buffered == 0
            ? "the server closed the connection (end of stream before the next message)"
            : "end of stream after " + buffered + " of the " + HEADER_BYTES + " header bytes");
  }

  private static EOFException endOfStreamInBody(byte type, int received, int size) {
    return new EOFException(
        "end of stream after "
            + received
            + " of the "
            + size
            + " body bytes of a "
            + BackendMessageDecoder.describe(type)
            + " message");
  }
}
