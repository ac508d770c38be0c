package dev.tusk.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code getObject(i, Class)} for the classes JDBC's own getters return: it calls that getter, so
 * that {@code getObject(i, Integer.class)} and {@code getInt(i)} convert alike.
 */
final class JdbcGetters {

  /** Returned when {@code type} is none of JDBC's getter classes. */
  static final Object NOT_JDBC = new Object();

  private JdbcGetters() {}

  static Object byClass(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    } else if (type == Integer.class) {
      return rs.getInt(column);
    } else if (type == Long.class) {
      return rs.getLong(column);
    } else if (type == Short.class) {
      return rs.getShort(column);
    } else if (type == Byte.class) {
      return rs.getByte(column);
    } else if (type == Double.class) {
      return rs.getDouble(column);
    } else if (type == Float.class) {
      return rs.getFloat(column);
    } else if (type == Boolean.class) {
      return rs.getBoolean(column);
    } else if (type == BigDecimal.class) {
      return rs.getBigDecimal(column);
    } else if (type == byte[].class) {
      return rs.getBytes(column);
    } else if (type == java.sql.Date.class) {
      return rs.getDate(column);
    } else if (type == java.sql.Time.class) {
      return rs.getTime(column);
    } else if (type == java.sql.Timestamp.class || type == java.util.Date.class) {
      return rs.getTimestamp(column);
    } else if (type == java.sql.Array.class) {
      return rs.getArray(column);
    } else if (type == java.net.URL.class) {
      return rs.getURL(column);
    }
    return lobs(rs, column, type);
  }

  private static Object lobs(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == java.sql.Blob.class) {
      return rs.getBlob(column);
    } else if (type == java.sql.Clob.class) {
      return rs.getClob(column);
    } else if (type == java.sql.NClob.class) {
      return rs.getNClob(column);
    } else if (type == java.sql.SQLXML.class) {
      return rs.getSQLXML(column);
    } else if (type == java.sql.Struct.class) {
      return JdbcStruct.of(rs.getObject(column));
    }
    return NOT_JDBC;
  }
}
