package dev.tusk.jdbc;

import dev.tusk.LargeObject;
import dev.tusk.LargeObjects.Mode;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;

/**
 * A {@link Blob} over a large object, for a column of type {@code oid} (as pgjdbc reads them): each
 * call opens the object on the server and reads or writes only what it asks for. Like every large
 * object access it needs a transaction (autocommit off); in autocommit mode it fails with {@code
 * 25P01}. Binding it ({@code setBlob}) binds its OID.
 */
final class LargeObjectBlob extends BlobOverloads {

  private final JdbcConnection connection;
  private final long oid;

  LargeObjectBlob(JdbcConnection connection, long oid) {
    this.connection = connection;
    this.oid = oid;
  }

  /** The large object's OID. */
  long oid() {
    return oid;
  }

  /** What one call does with the opened object. */
  @FunctionalInterface
  private interface Work<T> {
    T on(LargeObject object) throws SQLException;
  }

  /** Opens the object for {@code work} and closes it after. */
  private <T> T with(Mode mode, Work<T> work) throws SQLException {
    connection.checkOpen();
    LargeObject object =
        SqlErrors.run(() -> connection.tusk().largeObjects().open(oid, mode), connection);
    T result;
    try {
      result = work.on(object);
    } catch (SQLException | dev.tusk.errors.TuskException e) {
      SQLException failure =
          e instanceof SQLException sql
              ? sql
              : SqlErrors.translate((dev.tusk.errors.TuskException) e, connection.tusk().closed());
      try {
        object.close();
      } catch (dev.tusk.errors.TuskException closing) { // the transaction failed: it is gone
        failure.addSuppressed(closing);
      }
      throw failure;
    }
    SqlErrors.run(
        () -> {
          object.close();
          return null;
        },
        connection);
    return result;
  }

  @Override
  public long length() throws SQLException {
    return with(Mode.READ, LargeObject::size);
  }

  @Override
  public byte[] getBytes(long position, int count) throws SQLException {
    LobPositions.count(count);
    return with(
        Mode.READ,
        object -> {
          LobPositions.offset(position, object.size());
          object.seek(position - 1, LargeObject.Whence.START);
          ByteArrayOutputStream read = new ByteArrayOutputStream(Math.min(count, 1 << 20));
          while (read.size() < count) {
            byte[] piece = object.read(Math.min(count - read.size(), 1 << 20));
            if (piece.length == 0) {
              break;
            }
            read.writeBytes(piece);
          }
          return read.toByteArray();
        });
  }

  /** A stream over the object, open until the stream is closed (within the transaction). */
  @Override
  public InputStream getBinaryStream() throws SQLException {
    LargeObject object =
        SqlErrors.run(() -> connection.tusk().largeObjects().open(oid, Mode.READ), connection);
    return new FilterInputStream(object.inputStream()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          object.close();
        }
      }
    };
  }

  @Override
  public InputStream getBinaryStream(long position, long count) throws SQLException {
    LobPositions.count(count);
    return new java.io.ByteArrayInputStream(getBytes(position, (int) count));
  }

  /** Searches the whole object in memory: fine for the sizes a search is used on. */
  @Override
  public long position(byte[] pattern, long start) throws SQLException {
    byte[] all = getBytes(1, (int) Math.min(length(), Integer.MAX_VALUE - 8));
    return LobPositions.find(all, all.length, pattern, start);
  }

  @Override
  public int setBytes(long position, byte[] source, int offset, int count) throws SQLException {
    LobPositions.count(count);
    return with(
        Mode.READ_WRITE,
        object -> {
          LobPositions.offset(position, object.size());
          object.seek(position - 1, LargeObject.Whence.START);
          object.write(source, offset, count);
          return count;
        });
  }

  /** A stream writing from {@code position}, open until the stream is closed. */
  @Override
  public OutputStream setBinaryStream(long position) throws SQLException {
    LargeObject object =
        SqlErrors.run(
            () -> connection.tusk().largeObjects().open(oid, Mode.READ_WRITE), connection);
    try {
      LobPositions.offset(position, object.size());
      object.seek(position - 1, LargeObject.Whence.START);
    } catch (SQLException | RuntimeException e) {
      object.close();
      throw e;
    }
    return new FilterOutputStream(object.outputStream()) {
      @Override
      public void write(byte[] source, int offset, int count) throws IOException {
        out.write(source, offset, count);
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          object.close();
        }
      }
    };
  }

  @Override
  public void truncate(long length) throws SQLException {
    LobPositions.count(length);
    with(
        Mode.READ_WRITE,
        object -> {
          object.truncate(length);
          return null;
        });
  }

  /** Nothing is held here: the large object itself lives on until {@code lo_unlink}. */
  @Override
  public void free() {}
}
