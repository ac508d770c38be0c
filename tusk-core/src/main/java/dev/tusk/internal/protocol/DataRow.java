package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import java.util.Arrays;

/**
 * One result row (DataRow, type 'D'), kept as the message body exactly as received: an int16 column
 * count, then for each column an int32 length (-1 for NULL) and that many bytes. Values are decoded
 * lazily from {@link #bytes()} after {@link #locate} has found them.
 *
 * <p>The layout is validated once when the row is created, so {@link #locate} cannot fail on a row
 * from the server.
 *
 * <p>The class is open to one kind of subclass: the row its consumer reads, made by a {@link Maker}
 * that the reader is given, so that a row arrives as one object (this one) around one array (its
 * body) rather than as a message wrapped again by its reader.
 */
public non-sealed class DataRow implements BackendMessage {

  /** Makes plain rows. */
  public static final Maker PLAIN = DataRow::new;

  private static final int MAX_COLUMNS = Short.MAX_VALUE;

  // Not final: a consumer's row may move to a copy of its own, or let go of a shared chunk.
  private byte[] body;

  /**
   * A row over {@code body}, which must be a checked DataRow body: one {@link #wrap} accepted (a
   * {@link Maker} is only given those), or the {@link #bytes()} of another row; or over a chunk
   * holding one at {@link #start()} (see {@link RowChunks}), for a subclass that says where.
   */
  protected DataRow(byte[] body) {
    this.body = body;
  }

  /**
   * Makes the row for a DataRow body that has been checked: a plain {@code DataRow}, or a subclass
   * that serves as its consumer's row.
   */
  @FunctionalInterface
  public interface Maker {
    /** The row over {@code body}, a checked DataRow body that it now owns. */
    DataRow make(byte[] body);

    /**
     * Whether this maker's rows may share a chunk (see {@link RowChunks}): small bodies are then
     * placed in one and given to {@link #make(byte[], int)}.
     */
    default boolean sharesChunks() {
      return false;
    }

    /**
     * The row over the checked body placed at {@code start} in {@code chunk}; called only if {@link
     * #sharesChunks()}.
     */
    default DataRow make(byte[] chunk, int start) {
      throw new UnsupportedOperationException("this maker's rows own their bodies");
    }
  }

  /**
   * Takes ownership of a DataRow body after checking that every column length stays inside it.
   *
   * @throws ProtocolViolationException if the count is negative, a length is below -1 or runs past
   *     the end, or bytes are left over after the last column
   */
  public static DataRow wrap(byte[] body) throws ProtocolViolationException {
    return wrap(body, PLAIN);
  }

  /**
   * Checks a DataRow body as {@link #wrap(byte[])} does and has {@code maker} make its row.
   *
   * @throws ProtocolViolationException as {@link #wrap(byte[])}
   */
  public static DataRow wrap(byte[] body, Maker maker) throws ProtocolViolationException {
    validate(body, 0, body.length);
    return maker.make(body);
  }

  /**
   * Checks the DataRow body of {@code length} bytes at {@code offset} in {@code source} (a reader's
   * buffer, which it does not keep) as {@link #wrap(byte[])} does, and has {@code maker} make its
   * row over a copy: placed in one of {@code chunks} if the maker shares them and the body is
   * small, else an array of its own.
   *
   * @throws ProtocolViolationException as {@link #wrap(byte[])}
   */
  static DataRow wrap(byte[] source, int offset, int length, Maker maker, RowChunks chunks)
      throws ProtocolViolationException {
    validate(source, offset, length);
    if (maker.sharesChunks() && length <= RowChunks.MAX_BODY) {
      int start = chunks.place(source, offset, length);
      return maker.make(chunks.chunk(), start);
    }
    return maker.make(Arrays.copyOfRange(source, offset, offset + length));
  }

  /** Builds a row from column values, a null element standing for SQL NULL (for tests, mostly). */
  public static DataRow of(byte[]... values) {
    if (values.length > MAX_COLUMNS) {
      throw new IllegalArgumentException(
          "a DataRow holds at most " + MAX_COLUMNS + " columns, not " + values.length);
    }
    long size = 2;
    for (byte[] value : values) {
      size += 4 + (value == null ? 0 : value.length);
    }
    if (size > Integer.MAX_VALUE - 4) {
      throw new IllegalArgumentException("a DataRow of " + size + " bytes exceeds the 2 GiB limit");
    }
    byte[] body = new byte[(int) size];
    BigEndian.putInt16(body, 0, (short) values.length);
    int position = 2;
    for (byte[] value : values) {
      BigEndian.putInt32(body, position, value == null ? -1 : value.length);
      position += 4;
      if (value != null) {
        System.arraycopy(value, 0, body, position, value.length);
        position += value.length;
      }
    }
    return new DataRow(body);
  }

  /** "DataRow", whatever made the row. */
  @Override
  public final String messageName() {
    return "DataRow";
  }

  /** The number of columns in the row. */
  public final int columnCount() {
    // Read from the body, not kept in a field: one row is one small object around its array.
    return BigEndian.int16(body, start());
  }

  /**
   * The array that holds the message body, not a copy: column values are read from it in place, the
   * body starting at {@link #start()}. Do not modify.
   */
  public final byte[] bytes() {
    return body;
  }

  /** Where the body starts in {@link #bytes()}: 0 unless the row shares a chunk with others. */
  public int start() {
    return 0;
  }

  /** The length of the body in bytes. */
  public int length() {
    return body.length;
  }

  /** Moves the row to another array holding the same body (a copy), or to none (released). */
  protected final void moveTo(byte[] bytes) {
    this.body = bytes;
  }

  /**
   * Finds every column in one pass: {@code offsets[i]} becomes the index in {@link #bytes()} where
   * column {@code i}'s value starts and {@code lengths[i]} its length in bytes, -1 for NULL (whose
   * offset is where a value would have started).
   *
   * @throws IllegalArgumentException if either array is shorter than {@link #columnCount()}
   */
  public final void locate(int[] offsets, int[] lengths) {
    int columnCount = columnCount();
    if (lengths.length < columnCount) {
      throw new IllegalArgumentException(
          "locating "
              + columnCount
              + " columns needs arrays of that length, not "
              + lengths.length);
    }
    locate(offsets);
    for (int column = 0; column < columnCount; column++) {
      lengths[column] = BigEndian.int32(body, offsets[column] - 4);
    }
  }

  /**
   * Finds every column in one pass: {@code offsets[i]} becomes the index in {@link #bytes()} where
   * column {@code i}'s value starts; its length, -1 for NULL, is the int32 just before it.
   *
   * @throws IllegalArgumentException if the array is shorter than {@link #columnCount()}
   */
  public final void locate(int[] offsets) {
    int columnCount = columnCount();
    if (offsets.length < columnCount) {
      throw new IllegalArgumentException(
          "locating "
              + columnCount
              + " columns needs an array of that length, not "
              + offsets.length);
    }
    int position = start() + 2;
    for (int column = 0; column < columnCount; column++) {
      int length = BigEndian.int32(body, position);
      position += 4;
      offsets[column] = position;
      position += Math.max(length, 0);
    }
  }

  @Override
  public String toString() {
    return "DataRow[columns=" + columnCount() + ", bytes=" + length() + "]";
  }

  /** Checks the body of {@code size} bytes at {@code offset}; positions in errors are relative. */
  private static void validate(byte[] source, int offset, int size)
      throws ProtocolViolationException {
    if (size < 2) {
      throw malformed("its " + size + "-byte body has no room for the column count");
    }
    int count = BigEndian.int16(source, offset);
    if (count < 0) {
      throw malformed("it announces a negative column count " + count);
    }
    int position = 2;
    for (int column = 0; column < count; column++) {
      if (size - position < 4) {
        throw malformed(
            "the length of column " + column + " of " + count + " runs past the end" + at(size));
      }
      int length = BigEndian.int32(source, offset + position);
      position += 4;
      if (length < -1 || length > size - position) {
        throw malformed(
            "column "
                + column
                + " announces "
                + length
                + " bytes at offset "
                + position
                + at(size));
      }
      position += Math.max(length, 0);
    }
    if (position != size) {
      throw malformed(
          (size - position) + " bytes follow the last of " + count + " columns" + at(size));
    }
  }

  private static String at(int size) {
    return " of the " + size + "-byte body";
  }

  private static ProtocolViolationException malformed(String detail) {
    return new ProtocolViolationException("malformed DataRow ('D') message: " + detail);
  }
}
