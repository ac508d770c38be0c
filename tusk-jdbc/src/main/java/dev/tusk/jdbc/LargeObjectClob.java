package dev.tusk.jdbc;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A {@link Clob} over a large object, for {@code getClob} on an {@code oid} column (as pgjdbc reads
 * them): the object's bytes are the text in UTF-8 (the client encoding Tusk speaks; PostgreSQL
 * stores large objects as raw bytes). Positions and lengths count characters, so a read decodes the
 * object and a write re-encodes it whole; {@link #getCharacterStream()} decodes as it reads. Like
 * every large object access it needs a transaction ({@link LargeObjectBlob}), and binding it binds
 * its OID.
 */
final class LargeObjectClob implements NClob {

  private final LargeObjectBlob bytes;

  LargeObjectClob(LargeObjectBlob bytes) {
    this.bytes = bytes;
  }

  /** The large object underneath. */
  LargeObjectBlob bytes() {
    return bytes;
  }

  /** The whole text now, as an in-memory Clob to read or change. */
  private TextClob text() throws SQLException {
    long size = bytes.length();
    if (size > Integer.MAX_VALUE - 8) {
      throw new SQLException(
          "the large object has " + size + " bytes: read it with getCharacterStream()", "54000");
    }
    return new TextClob(new String(bytes.getBytes(1, (int) size), StandardCharsets.UTF_8));
  }

  /** Writes {@code text} back as the object's whole content. */
  private void store(TextClob text) throws SQLException {
    byte[] encoded = text.getSubString(1, (int) text.length()).getBytes(StandardCharsets.UTF_8);
    bytes.truncate(0);
    bytes.setBytes(1, encoded);
  }

  @Override
  public long length() throws SQLException {
    return text().length();
  }

  @Override
  public String getSubString(long position, int count) throws SQLException {
    return text().getSubString(position, count);
  }

  /** Decodes as it reads: the object is open until the reader is closed. */
  @Override
  public Reader getCharacterStream() throws SQLException {
    return new InputStreamReader(bytes.getBinaryStream(), StandardCharsets.UTF_8);
  }

  @Override
  public Reader getCharacterStream(long position, long count) throws SQLException {
    return text().getCharacterStream(position, count);
  }

  @Override
  public InputStream getAsciiStream() throws SQLException {
    return text().getAsciiStream();
  }

  @Override
  public long position(String pattern, long start) throws SQLException {
    return text().position(pattern, start);
  }

  @Override
  public long position(Clob pattern, long start) throws SQLException {
    return text().position(pattern, start);
  }

  @Override
  public int setString(long position, String source) throws SQLException {
    return setString(position, source, 0, source.length());
  }

  @Override
  public int setString(long position, String source, int offset, int count) throws SQLException {
    TextClob text = text();
    int written = text.setString(position, source, offset, count);
    store(text);
    return written;
  }

  @Override
  public OutputStream setAsciiStream(long position) throws SQLException {
    return LobPositions.asciiInto(setCharacterStream(position));
  }

  /** Collects what is written and stores it at {@code position} when the writer is closed. */
  @Override
  public Writer setCharacterStream(long position) throws SQLException {
    LobPositions.offset(position, length());
    return new StringWriter() {
      private boolean closed;

      @Override
      public void close() throws java.io.IOException {
        if (closed) {
          return;
        }
        closed = true;
        try {
          setString(position, toString());
        } catch (SQLException e) {
          throw new java.io.IOException(e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void truncate(long length) throws SQLException {
    TextClob text = text();
    text.truncate(length);
    store(text);
  }

  /** Nothing is held here: the large object itself lives on until {@code lo_unlink}. */
  @Override
  public void free() {}
}
