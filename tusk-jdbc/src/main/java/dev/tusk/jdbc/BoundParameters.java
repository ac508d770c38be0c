package dev.tusk.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The parameter setters of a {@link PreparedStatement}: each converts its value (see {@link
 * ParameterConversions}) and stores it at its {@code ?}, for {@link JdbcPreparedStatement} to bind.
 * Unset parameters are refused when the statement runs.
 */
abstract class BoundParameters extends JdbcStatement implements PreparedStatement {

  /** Marks a parameter no setter has given a value yet (null is a value: NULL). */
  static final Object UNSET = new Object();

  final Object[] values;

  BoundParameters(JdbcConnection connection, int resultSetType, int parameterCount) {
    super(connection, resultSetType);
    values = new Object[parameterCount];
    Arrays.fill(values, UNSET);
  }

  void bind(int index, Object value) throws SQLException {
    checkOpen();
    if (index < 1 || index > values.length) {
      throw new SQLException(
          "parameter index "
              + index
              + " is out of range: the statement has "
              + values.length
              + " parameter(s)",
          "22023");
    }
    values[index - 1] = value;
  }

  /** The values to bind, checked to be complete. */
  Object[] boundValues() throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == UNSET) {
        throw new SQLException("no value was set for parameter " + (i + 1), "07002");
      }
    }
    return values.clone();
  }

  private boolean stringUnspecified() {
    return connection.settings().stringUnspecified();
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(values, UNSET);
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    bind(index, ParameterConversions.typedNull(sqlType));
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    bind(
        index,
        typeName == null
            ? ParameterConversions.typedNull(sqlType)
            : dev.tusk.types.Param.of(null, typeName));
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    bind(index, (short) x);
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    bind(index, x);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    bind(index, x == null ? ParameterConversions.typedNull(java.sql.Types.NUMERIC) : x);
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    bind(index, ParameterConversions.of(x, stringUnspecified()));
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    setString(index, x);
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    bind(index, x == null ? ParameterConversions.typedNull(java.sql.Types.BINARY) : x);
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    bind(index, ParameterConversions.date(x, null));
  }

  @Override
  public void setDate(int index, Date x, Calendar calendar) throws SQLException {
    bind(index, ParameterConversions.date(x, calendar));
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    bind(index, x == null ? null : x.toLocalTime());
  }

  @Override
  public void setTime(int index, Time x, Calendar calendar) throws SQLException {
    setTime(index, x);
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    bind(index, ParameterConversions.timestamp(x, null));
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar calendar) throws SQLException {
    bind(index, ParameterConversions.timestamp(x, calendar));
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    if (x instanceof SQLData data) {
      bind(index, TypeMaps.struct(connection, data).parameter());
      return;
    }
    bind(index, ParameterConversions.of(x, stringUnspecified()));
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    if (x instanceof SQLData) {
      setObject(index, x);
      return;
    }
    bind(index, ParameterConversions.of(x, targetSqlType, stringUnspecified()));
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, x, targetSqlType);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
    setObject(index, x, ParameterConversions.typeNumber(targetSqlType));
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, x, targetSqlType);
  }

  @Override
  public void setArray(int index, Array x) throws SQLException {
    bind(index, x == null ? null : ParameterConversions.array(x));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
    bind(index, ParameterConversions.ascii(x, length));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
    bind(index, ParameterConversions.ascii(x, length));
  }

  @Override
  public void setAsciiStream(int index, InputStream x) throws SQLException {
    bind(index, ParameterConversions.ascii(x, -1));
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
    byte[] bytes = ParameterConversions.bytes(x, length);
    bind(index, bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
    bind(index, ParameterConversions.bytes(x, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
    bind(index, ParameterConversions.bytes(x, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    bind(index, ParameterConversions.bytes(x, -1));
  }

  @Override
  public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
    bind(index, ParameterConversions.text(reader, length));
  }

  @Override
  public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
    bind(index, ParameterConversions.text(reader, length));
  }

  @Override
  public void setCharacterStream(int index, Reader reader) throws SQLException {
    bind(index, ParameterConversions.text(reader, -1));
  }

  @Override
  public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
    setCharacterStream(index, value, length);
  }

  @Override
  public void setNCharacterStream(int index, Reader value) throws SQLException {
    setCharacterStream(index, value);
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    bind(index, ParameterConversions.clob(x));
  }

  @Override
  public void setClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader, length);
  }

  @Override
  public void setClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setNClob(int index, NClob value) throws SQLException {
    setClob(index, value);
  }

  @Override
  public void setNClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader, length);
  }

  @Override
  public void setNClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    bind(index, ParameterConversions.blob(x));
  }

  @Override
  public void setBlob(int index, InputStream stream, long length) throws SQLException {
    setBinaryStream(index, stream, length);
  }

  @Override
  public void setBlob(int index, InputStream stream) throws SQLException {
    setBinaryStream(index, stream);
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    bind(index, x == null ? null : ParameterConversions.of(x.toString(), stringUnspecified()));
  }

  @Override
  public void setSQLXML(int index, SQLXML xml) throws SQLException {
    bind(index, ParameterConversions.xml(xml));
  }

  @Override
  public void setRef(int index, Ref x) throws SQLException {
    throw MissingInPostgres.ref();
  }

  @Override
  public void setRowId(int index, RowId x) throws SQLException {
    throw MissingInPostgres.rowId();
  }
}
