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
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLData;
import java.sql.SQLException;
import java.sql.SQLOutput;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the attributes {@link SQLData#writeSQL} writes, in order, for {@link TypeMaps#struct} to
 * bind as a composite value; each is converted as {@code setObject} converts it, and a nested
 * SQLData becomes a composite value of its own type.
 */
final class RecordOutput implements SQLOutput {

  private final JdbcConnection connection;
  private final List<Object> attributes = new ArrayList<>();

  RecordOutput(JdbcConnection connection) {
    this.connection = connection;
  }

  Object[] attributes() {
    return attributes.toArray();
  }

  private void add(Object value) {
    attributes.add(value);
  }

  @Override
  public void writeString(String x) {
    add(x);
  }

  @Override
  public void writeNString(String x) {
    add(x);
  }

  @Override
  public void writeBoolean(boolean x) {
    add(x);
  }

  @Override
  public void writeByte(byte x) {
    add(x);
  }

  @Override
  public void writeShort(short x) {
    add(x);
  }

  @Override
  public void writeInt(int x) {
    add(x);
  }

  @Override
  public void writeLong(long x) {
    add(x);
  }

  @Override
  public void writeFloat(float x) {
    add(x);
  }

  @Override
  public void writeDouble(double x) {
    add(x);
  }

  @Override
  public void writeBigDecimal(BigDecimal x) {
    add(x);
  }

  @Override
  public void writeBytes(byte[] x) {
    add(x);
  }

  @Override
  public void writeDate(Date x) {
    add(x);
  }

  @Override
  public void writeTime(Time x) {
    add(x);
  }

  @Override
  public void writeTimestamp(Timestamp x) {
    add(x);
  }

  @Override
  public void writeCharacterStream(Reader x) throws SQLException {
    add(ParameterConversions.text(x, -1));
  }

  @Override
  public void writeAsciiStream(InputStream x) throws SQLException {
    add(ParameterConversions.ascii(x, -1));
  }

  @Override
  public void writeBinaryStream(InputStream x) throws SQLException {
    add(ParameterConversions.bytes(x, -1));
  }

  /** A nested SQLData becomes a composite value of the type it names. */
  @Override
  public void writeObject(SQLData x) throws SQLException {
    add(x == null ? null : TypeMaps.struct(connection, x));
  }

  @Override
  public void writeObject(Object x, java.sql.SQLType type) throws SQLException {
    add(x instanceof SQLData data ? TypeMaps.struct(connection, data) : x);
  }

  @Override
  public void writeRef(Ref x) throws SQLException {
    throw MissingInPostgres.ref();
  }

  @Override
  public void writeBlob(Blob x) {
    add(x);
  }

  @Override
  public void writeClob(Clob x) {
    add(x);
  }

  @Override
  public void writeNClob(NClob x) {
    add(x);
  }

  @Override
  public void writeStruct(Struct x) {
    add(x);
  }

  @Override
  public void writeArray(Array x) {
    add(x);
  }

  @Override
  public void writeURL(URL x) {
    add(x == null ? null : x.toString());
  }

  @Override
  public void writeSQLXML(SQLXML x) {
    add(x);
  }

  @Override
  public void writeRowId(RowId x) throws SQLException {
    throw MissingInPostgres.rowId();
  }
}
