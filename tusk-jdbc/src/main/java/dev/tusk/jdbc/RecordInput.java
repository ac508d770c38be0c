package dev.tusk.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLData;
import java.sql.SQLException;
import java.sql.SQLInput;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * The attributes of a composite value, read in order by {@link SQLData#readSQL}; each read converts
 * as the result set getter of the same name does ({@link ColumnValues}), and a nested composite is
 * read through the same type map.
 */
final class RecordInput implements SQLInput {

  private final List<Object> attributes;
  private final Map<String, Class<?>> map;
  private int next;
  private boolean wasNull;

  RecordInput(List<Object> attributes, Map<String, Class<?>> map) {
    this.attributes = attributes;
    this.map = map;
  }

  private Object next() throws SQLException {
    if (next >= attributes.size()) {
      throw new SQLException(
          "readSQL read past the last of the " + attributes.size() + " attributes", "HY000");
    }
    Object value = attributes.get(next++);
    wasNull = value == null;
    return value;
  }

  private String text() throws SQLException {
    Object value = next();
    return value == null ? null : value.toString();
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public String readString() throws SQLException {
    return text();
  }

  @Override
  public String readNString() throws SQLException {
    return text();
  }

  @Override
  public boolean readBoolean() throws SQLException {
    return ColumnValues.toBoolean(next());
  }

  @Override
  public byte readByte() throws SQLException {
    return ColumnValues.toByte(next());
  }

  @Override
  public short readShort() throws SQLException {
    return ColumnValues.toShort(next());
  }

  @Override
  public int readInt() throws SQLException {
    return ColumnValues.toInt(next());
  }

  @Override
  public long readLong() throws SQLException {
    return ColumnValues.toLong(next());
  }

  @Override
  public float readFloat() throws SQLException {
    return ColumnValues.toFloat(next());
  }

  @Override
  public double readDouble() throws SQLException {
    return ColumnValues.toDouble(next());
  }

  @Override
  public BigDecimal readBigDecimal() throws SQLException {
    return ColumnValues.toBigDecimal(next());
  }

  @Override
  public byte[] readBytes() throws SQLException {
    Object value = next();
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    throw ColumnValues.cannot(value, "byte[]");
  }

  @Override
  public Date readDate() throws SQLException {
    return ColumnValues.toDate(next(), null);
  }

  @Override
  public Time readTime() throws SQLException {
    return ColumnValues.toTime(next(), null);
  }

  @Override
  public Timestamp readTimestamp() throws SQLException {
    return ColumnValues.toTimestamp(next(), null);
  }

  @Override
  public Reader readCharacterStream() throws SQLException {
    String text = text();
    return text == null ? null : new StringReader(text);
  }

  @Override
  public InputStream readAsciiStream() throws SQLException {
    String text = text();
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream readBinaryStream() throws SQLException {
    byte[] bytes = readBytes();
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  /** JDBC's default class for the attribute, a mapped composite as its SQLData. */
  @Override
  public Object readObject() throws SQLException {
    return TypeMaps.read(ColumnValues.jdbcDefault(next(), null), map);
  }

  @Override
  public <T> T readObject(Class<T> type) throws SQLException {
    Object value = TypeMaps.read(next(), map);
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    Object temporal = ColumnValues.temporal(value, type);
    if (temporal != null) {
      return type.cast(temporal);
    }
    throw ColumnValues.cannot(value, type.getName());
  }

  @Override
  public Ref readRef() throws SQLException {
    throw MissingInPostgres.ref();
  }

  @Override
  public Blob readBlob() throws SQLException {
    byte[] bytes = readBytes();
    return bytes == null ? null : new ByteBlob(bytes);
  }

  @Override
  public Clob readClob() throws SQLException {
    return readNClob();
  }

  @Override
  public NClob readNClob() throws SQLException {
    String text = text();
    return text == null ? null : new TextClob(text);
  }

  @Override
  public Array readArray() throws SQLException {
    Object value = next();
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw ColumnValues.cannot(value, "java.sql.Array");
    }
    return new JdbcArray(null, list);
  }

  @Override
  public URL readURL() throws SQLException {
    return ColumnValues.toUrl(text());
  }

  @Override
  public SQLXML readSQLXML() throws SQLException {
    String text = text();
    return text == null ? null : new TextSqlXml(text);
  }

  @Override
  public RowId readRowId() throws SQLException {
    throw MissingInPostgres.rowId();
  }
}
