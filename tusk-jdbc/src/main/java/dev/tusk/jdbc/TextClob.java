package dev.tusk.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A {@link Clob} (and {@link NClob}: PostgreSQL text is Unicode) held in memory: a text value read
 * from a result, or one made by {@code Connection.createClob()} to be bound as text.
 */
final class TextClob implements NClob {

  private StringBuilder text;

  TextClob(String text) {
    this.text = new StringBuilder(text);
  }

  private StringBuilder live() throws SQLException {
    if (text == null) {
      throw LobPositions.freed("Clob");
    }
    return text;
  }

  @Override
  public long length() throws SQLException {
    return live().length();
  }

  @Override
  public String getSubString(long position, int count) throws SQLException {
    int from = LobPositions.offset(position, live().length());
    LobPositions.count(count);
    return text.substring(from, from + Math.min(count, text.length() - from));
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    return new StringReader(live().toString());
  }

  @Override
  public Reader getCharacterStream(long position, long count) throws SQLException {
    int from = LobPositions.offset(position, live().length());
    LobPositions.count(count);
    if (from + count > text.length()) {
      throw new SQLException(
          count + " characters from " + position + " pass the end (" + text.length() + ")",
          "22023");
    }
    return new StringReader(text.substring(from, (int) (from + count)));
  }

  @Override
  public InputStream getAsciiStream() throws SQLException {
    return new ByteArrayInputStream(live().toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public long position(String pattern, long start) throws SQLException {
    int found = live().indexOf(pattern, LobPositions.offset(start, text.length()));
    return found < 0 ? -1 : found + 1L;
  }

  @Override
  public long position(Clob pattern, long start) throws SQLException {
    return position(pattern.getSubString(1, (int) pattern.length()), start);
  }

  @Override
  public int setString(long position, String source) throws SQLException {
    return setString(position, source, 0, source.length());
  }

  /** Overwrites from {@code position}, extending the text where it passes the end. */
  @Override
  public int setString(long position, String source, int offset, int count) throws SQLException {
    int from = LobPositions.offset(position, live().length());
    LobPositions.count(count);
    text.replace(
        from, Math.min(from + count, text.length()), source.substring(offset, offset + count));
    return count;
  }

  @Override
  public OutputStream setAsciiStream(long position) throws SQLException {
    return LobPositions.asciiInto(setCharacterStream(position));
  }

  @Override
  public Writer setCharacterStream(long position) throws SQLException {
    LobPositions.offset(position, live().length());
    return new Writer() {
      private long next = position;

      @Override
      public void write(char[] source, int offset, int count) throws java.io.IOException {
        try {
          next += setString(next, new String(source, offset, count));
        } catch (SQLException e) {
          throw new java.io.IOException(e.getMessage(), e);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void truncate(long length) throws SQLException {
    LobPositions.offset(length + 1, live().length());
    text.setLength((int) length);
  }

  @Override
  public void free() {
    text = null;
  }
}
