package dev.tusk.jdbc;

import java.sql.Blob;
import java.sql.SQLException;

/**
 * The {@link Blob} overloads that only restate another method, shared by the Blob in memory and the
 * Blob over a large object.
 */
abstract class BlobOverloads implements Blob {

  @Override
  public long position(Blob pattern, long start) throws SQLException {
    return position(pattern.getBytes(1, (int) pattern.length()), start);
  }

  @Override
  public int setBytes(long position, byte[] source) throws SQLException {
    return setBytes(position, source, 0, source.length);
  }
}
