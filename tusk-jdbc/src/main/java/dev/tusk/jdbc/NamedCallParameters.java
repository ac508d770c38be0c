package dev.tusk.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The half of {@link CallableStatement} that names parameters rather than numbering them: each
 * method finds the parameter's index ({@link #parameterIndex(String)}, from the routine's argument
 * names in the catalog) and calls the method that takes the index, so binding and conversions live
 * in one place.
 */
abstract class NamedCallParameters extends JdbcPreparedStatement implements CallableStatement {

  NamedCallParameters(JdbcConnection connection, int resultSetType, JdbcSql sql) {
    super(connection, resultSetType, sql, GeneratedKeys.NONE);
  }

  /** The 1-based index of the parameter the called routine names {@code name}. */
  abstract int parameterIndex(String name) throws SQLException;

  @Override
  public void registerOutParameter(String name, int value) throws SQLException {
    registerOutParameter(parameterIndex(name), value);
  }

  @Override
  public void registerOutParameter(String name, int value, int extra) throws SQLException {
    registerOutParameter(parameterIndex(name), value, extra);
  }

  @Override
  public void registerOutParameter(String name, int value, String extra) throws SQLException {
    registerOutParameter(parameterIndex(name), value, extra);
  }

  @Override
  public void setURL(String name, URL value) throws SQLException {
    setURL(parameterIndex(name), value);
  }

  @Override
  public void setNull(String name, int value) throws SQLException {
    setNull(parameterIndex(name), value);
  }

  @Override
  public void setBoolean(String name, boolean value) throws SQLException {
    setBoolean(parameterIndex(name), value);
  }

  @Override
  public void setByte(String name, byte value) throws SQLException {
    setByte(parameterIndex(name), value);
  }

  @Override
  public void setShort(String name, short value) throws SQLException {
    setShort(parameterIndex(name), value);
  }

  @Override
  public void setInt(String name, int value) throws SQLException {
    setInt(parameterIndex(name), value);
  }

  @Override
  public void setLong(String name, long value) throws SQLException {
    setLong(parameterIndex(name), value);
  }

  @Override
  public void setFloat(String name, float value) throws SQLException {
    setFloat(parameterIndex(name), value);
  }

  @Override
  public void setDouble(String name, double value) throws SQLException {
    setDouble(parameterIndex(name), value);
  }

  @Override
  public void setBigDecimal(String name, BigDecimal value) throws SQLException {
    setBigDecimal(parameterIndex(name), value);
  }

  @Override
  public void setString(String name, String value) throws SQLException {
    setString(parameterIndex(name), value);
  }

  @Override
  public void setBytes(String name, byte[] value) throws SQLException {
    setBytes(parameterIndex(name), value);
  }

  @Override
  public void setDate(String name, Date value) throws SQLException {
    setDate(parameterIndex(name), value);
  }

  @Override
  public void setTime(String name, Time value) throws SQLException {
    setTime(parameterIndex(name), value);
  }

  @Override
  public void setTimestamp(String name, Timestamp value) throws SQLException {
    setTimestamp(parameterIndex(name), value);
  }

  @Override
  public void setAsciiStream(String name, InputStream value, int extra) throws SQLException {
    setAsciiStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setBinaryStream(String name, InputStream value, int extra) throws SQLException {
    setBinaryStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setObject(String name, Object value, int extra, int more) throws SQLException {
    setObject(parameterIndex(name), value, extra, more);
  }

  @Override
  public void setObject(String name, Object value, int extra) throws SQLException {
    setObject(parameterIndex(name), value, extra);
  }

  @Override
  public void setObject(String name, Object value) throws SQLException {
    setObject(parameterIndex(name), value);
  }

  @Override
  public void setCharacterStream(String name, Reader value, int extra) throws SQLException {
    setCharacterStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setDate(String name, Date value, Calendar extra) throws SQLException {
    setDate(parameterIndex(name), value, extra);
  }

  @Override
  public void setTime(String name, Time value, Calendar extra) throws SQLException {
    setTime(parameterIndex(name), value, extra);
  }

  @Override
  public void setTimestamp(String name, Timestamp value, Calendar extra) throws SQLException {
    setTimestamp(parameterIndex(name), value, extra);
  }

  @Override
  public void setNull(String name, int value, String extra) throws SQLException {
    setNull(parameterIndex(name), value, extra);
  }

  @Override
  public String getString(String name) throws SQLException {
    return getString(parameterIndex(name));
  }

  @Override
  public boolean getBoolean(String name) throws SQLException {
    return getBoolean(parameterIndex(name));
  }

  @Override
  public byte getByte(String name) throws SQLException {
    return getByte(parameterIndex(name));
  }

  @Override
  public short getShort(String name) throws SQLException {
    return getShort(parameterIndex(name));
  }

  @Override
  public int getInt(String name) throws SQLException {
    return getInt(parameterIndex(name));
  }

  @Override
  public long getLong(String name) throws SQLException {
    return getLong(parameterIndex(name));
  }

  @Override
  public float getFloat(String name) throws SQLException {
    return getFloat(parameterIndex(name));
  }

  @Override
  public double getDouble(String name) throws SQLException {
    return getDouble(parameterIndex(name));
  }

  @Override
  public byte[] getBytes(String name) throws SQLException {
    return getBytes(parameterIndex(name));
  }

  @Override
  public Date getDate(String name) throws SQLException {
    return getDate(parameterIndex(name));
  }

  @Override
  public Time getTime(String name) throws SQLException {
    return getTime(parameterIndex(name));
  }

  @Override
  public Timestamp getTimestamp(String name) throws SQLException {
    return getTimestamp(parameterIndex(name));
  }

  @Override
  public Object getObject(String name) throws SQLException {
    return getObject(parameterIndex(name));
  }

  @Override
  public BigDecimal getBigDecimal(String name) throws SQLException {
    return getBigDecimal(parameterIndex(name));
  }

  @Override
  public Object getObject(String name, Map<String, Class<?>> value) throws SQLException {
    return getObject(parameterIndex(name), value);
  }

  @Override
  public Ref getRef(String name) throws SQLException {
    return getRef(parameterIndex(name));
  }

  @Override
  public Blob getBlob(String name) throws SQLException {
    return getBlob(parameterIndex(name));
  }

  @Override
  public Clob getClob(String name) throws SQLException {
    return getClob(parameterIndex(name));
  }

  @Override
  public Array getArray(String name) throws SQLException {
    return getArray(parameterIndex(name));
  }

  @Override
  public Date getDate(String name, Calendar value) throws SQLException {
    return getDate(parameterIndex(name), value);
  }

  @Override
  public Time getTime(String name, Calendar value) throws SQLException {
    return getTime(parameterIndex(name), value);
  }

  @Override
  public Timestamp getTimestamp(String name, Calendar value) throws SQLException {
    return getTimestamp(parameterIndex(name), value);
  }

  @Override
  public URL getURL(String name) throws SQLException {
    return getURL(parameterIndex(name));
  }

  @Override
  public RowId getRowId(String name) throws SQLException {
    return getRowId(parameterIndex(name));
  }

  @Override
  public void setRowId(String name, RowId value) throws SQLException {
    setRowId(parameterIndex(name), value);
  }

  @Override
  public void setNString(String name, String value) throws SQLException {
    setNString(parameterIndex(name), value);
  }

  @Override
  public void setNCharacterStream(String name, Reader value, long extra) throws SQLException {
    setNCharacterStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setNClob(String name, NClob value) throws SQLException {
    setNClob(parameterIndex(name), value);
  }

  @Override
  public void setClob(String name, Reader value, long extra) throws SQLException {
    setClob(parameterIndex(name), value, extra);
  }

  @Override
  public void setBlob(String name, InputStream value, long extra) throws SQLException {
    setBlob(parameterIndex(name), value, extra);
  }

  @Override
  public void setNClob(String name, Reader value, long extra) throws SQLException {
    setNClob(parameterIndex(name), value, extra);
  }

  @Override
  public NClob getNClob(String name) throws SQLException {
    return getNClob(parameterIndex(name));
  }

  @Override
  public void setSQLXML(String name, SQLXML value) throws SQLException {
    setSQLXML(parameterIndex(name), value);
  }

  @Override
  public SQLXML getSQLXML(String name) throws SQLException {
    return getSQLXML(parameterIndex(name));
  }

  @Override
  public String getNString(String name) throws SQLException {
    return getNString(parameterIndex(name));
  }

  @Override
  public Reader getNCharacterStream(String name) throws SQLException {
    return getNCharacterStream(parameterIndex(name));
  }

  @Override
  public Reader getCharacterStream(String name) throws SQLException {
    return getCharacterStream(parameterIndex(name));
  }

  @Override
  public void setBlob(String name, Blob value) throws SQLException {
    setBlob(parameterIndex(name), value);
  }

  @Override
  public void setClob(String name, Clob value) throws SQLException {
    setClob(parameterIndex(name), value);
  }

  @Override
  public void setAsciiStream(String name, InputStream value, long extra) throws SQLException {
    setAsciiStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setBinaryStream(String name, InputStream value, long extra) throws SQLException {
    setBinaryStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setCharacterStream(String name, Reader value, long extra) throws SQLException {
    setCharacterStream(parameterIndex(name), value, extra);
  }

  @Override
  public void setAsciiStream(String name, InputStream value) throws SQLException {
    setAsciiStream(parameterIndex(name), value);
  }

  @Override
  public void setBinaryStream(String name, InputStream value) throws SQLException {
    setBinaryStream(parameterIndex(name), value);
  }

  @Override
  public void setCharacterStream(String name, Reader value) throws SQLException {
    setCharacterStream(parameterIndex(name), value);
  }

  @Override
  public void setNCharacterStream(String name, Reader value) throws SQLException {
    setNCharacterStream(parameterIndex(name), value);
  }

  @Override
  public void setClob(String name, Reader value) throws SQLException {
    setClob(parameterIndex(name), value);
  }

  @Override
  public void setBlob(String name, InputStream value) throws SQLException {
    setBlob(parameterIndex(name), value);
  }

  @Override
  public void setNClob(String name, Reader value) throws SQLException {
    setNClob(parameterIndex(name), value);
  }

  @Override
  public <T> T getObject(String name, Class<T> value) throws SQLException {
    return getObject(parameterIndex(name), value);
  }

  @Override
  public void registerOutParameter(String name, SQLType type) throws SQLException {
    registerOutParameter(parameterIndex(name), type);
  }

  @Override
  public void registerOutParameter(String name, SQLType type, int scale) throws SQLException {
    registerOutParameter(parameterIndex(name), type, scale);
  }

  @Override
  public void registerOutParameter(String name, SQLType type, String typeName) throws SQLException {
    registerOutParameter(parameterIndex(name), type, typeName);
  }

  @Override
  public void setObject(String name, Object value, SQLType type) throws SQLException {
    setObject(parameterIndex(name), value, type);
  }

  @Override
  public void setObject(String name, Object value, SQLType type, int scale) throws SQLException {
    setObject(parameterIndex(name), value, type, scale);
  }
}
