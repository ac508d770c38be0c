package dev.tusk.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A {@link Blob} held in memory: a {@code bytea} value read from a result, or one made by {@code
 * Connection.createBlob()} to be bound as {@code bytea}. Changes stay in the object until it is
 * bound.
 */
final class ByteBlob extends BlobOverloads {

  private byte[] bytes;
  private int length;

  ByteBlob(byte[] bytes) {
    this.bytes = bytes;
    this.length = bytes.length;
  }

  private byte[] live() throws SQLException {
    if (bytes == null) {
      throw LobPositions.freed("Blob");
    }
    return bytes;
  }

  /** The bytes as they stand. */
  byte[] toBytes() throws SQLException {
    return Arrays.copyOf(live(), length);
  }

  @Override
  public long length() throws SQLException {
    live();
    return length;
  }

  @Override
  public byte[] getBytes(long position, int count) throws SQLException {
    int from = LobPositions.offset(position, length);
    LobPositions.count(count);
    return Arrays.copyOfRange(live(), from, from + Math.min(count, length - from));
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    return new ByteArrayInputStream(toBytes());
  }

  @Override
  public InputStream getBinaryStream(long position, long count) throws SQLException {
    int from = LobPositions.offset(position, length);
    LobPositions.count(count);
    if (from + count > length) {
      throw new SQLException(
          count + " bytes from position " + position + " pass the end (" + length + ")", "22023");
    }
    return new ByteArrayInputStream(live(), from, (int) count);
  }

  @Override
  public long position(byte[] pattern, long start) throws SQLException {
    return LobPositions.find(live(), length, pattern, start);
  }

  @Override
  public int setBytes(long position, byte[] source, int offset, int count) throws SQLException {
    int from = LobPositions.offset(position, length);
    LobPositions.count(count);
    if (from + count > live().length) {
      bytes = Arrays.copyOf(bytes, Math.max(from + count, bytes.length * 2));
    }
    System.arraycopy(source, offset, bytes, from, count);
    length = Math.max(length, from + count);
    return count;
  }

  @Override
  public OutputStream setBinaryStream(long position) throws SQLException {
    LobPositions.offset(position, length);
    return new OutputStream() {
      private long next = position;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] source, int offset, int count) throws IOException {
        try {
          next += setBytes(next, source, offset, count);
        } catch (SQLException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void truncate(long newLength) throws SQLException {
    LobPositions.offset(newLength + 1, length);
    live();
    length = (int) newLength;
  }

  @Override
  public void free() {
    bytes = null;
  }
}
