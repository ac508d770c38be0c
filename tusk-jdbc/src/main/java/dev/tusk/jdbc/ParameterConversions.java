package dev.tusk.jdbc;

import dev.tusk.types.Param;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;

/**
 * Turns what JDBC setters receive into values Tusk binds: java.sql date and time classes into
 * java.time, streams into their content, typed NULLs and target types into {@link Param}s. Tusk
 * sends the rest (numbers, booleans, byte[], UUID, java.time, arrays, lists) as it always does.
 */
final class ParameterConversions {

  /** The text form pgjdbc sends a timestamp with a Calendar as: the server reads it by context. */
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

  private ParameterConversions() {}

  /** The value to bind for {@code setObject(i, value)}. */
  static Object of(Object value, boolean stringUnspecified) throws SQLException {
    return switch (value) {
      case null -> null;
      case String text -> stringUnspecified ? text : Param.of(text, "varchar");
      case java.sql.Date date -> date.toLocalDate();
      case Time time -> time.toLocalTime();
      case Timestamp timestamp -> timestamp.toLocalDateTime();
      case java.util.Date date -> OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
      case Calendar calendar -> calendar.toInstant().atOffset(ZoneOffset.UTC);
      case Array array -> array(array);
      case Character c -> String.valueOf(c);
      case Byte b -> b.shortValue();
      case InputStream stream -> bytes(stream, -1);
      case Reader reader -> text(reader, -1);
      case java.sql.Blob blob -> blob(blob);
      case java.sql.Clob clob -> clob(clob);
      case java.sql.SQLXML xml -> xml(xml);
      case java.sql.Ref ref -> throw MissingInPostgres.ref();
      case JdbcStruct struct -> struct.parameter();
      case java.sql.Struct struct -> throw unsupported(struct);
      case java.sql.RowId rowId -> throw MissingInPostgres.rowId();
      default -> value;
    };
  }

  /** A large object's Blob binds its OID; any other its bytes, as bytea. */
  static Object blob(java.sql.Blob blob) throws SQLException {
    if (blob == null) {
      return null;
    }
    if (blob instanceof LargeObjectBlob object) {
      return Param.of(object.oid(), "oid");
    }
    return blob instanceof ByteBlob bytes ? bytes.toBytes() : blob.getBytes(1, (int) blob.length());
  }

  /** A large object's Clob binds its OID; any other its text. */
  static Object clob(java.sql.Clob clob) throws SQLException {
    if (clob instanceof LargeObjectClob object) {
      return blob(object.bytes());
    }
    return clob == null ? null : clob.getSubString(1, (int) clob.length());
  }

  /** An SQLXML binds its text as xml. */
  static Object xml(java.sql.SQLXML xml) throws SQLException {
    return xml == null ? null : Param.of(xml.getString(), "xml");
  }

  private static SQLException unsupported(Object value) {
    return new SQLFeatureNotSupportedException(
        value.getClass().getName() + " parameters are not supported", "0A000");
  }

  /** The value to bind for {@code setObject(i, value, targetSqlType)}. */
  static Object of(Object value, int targetSqlType, boolean stringUnspecified) throws SQLException {
    if (value == null) {
      return typedNull(targetSqlType);
    }
    if (targetSqlType == Types.OTHER || targetSqlType == Types.JAVA_OBJECT) {
      // pgjdbc sends OTHER untyped, which is how json, enums and uuid are set from strings.
      return value instanceof String text ? text : of(value, true);
    }
    String pgType = PgTypes.pgType(targetSqlType);
    Object converted = of(value, true);
    if (pgType == null || converted instanceof Param) {
      return converted;
    }
    return Param.of(TargetTypes.convert(converted, targetSqlType), pgType);
  }

  /** The {@link Types} number of a {@link java.sql.JDBCType}; other vendors' types are refused. */
  static int typeNumber(java.sql.SQLType type) throws SQLException {
    if (type instanceof java.sql.JDBCType jdbcType) {
      return jdbcType.getVendorTypeNumber();
    }
    throw new SQLFeatureNotSupportedException(
        (type == null
                ? "a null SQLType"
                : "the SQLType " + type.getName() + " of " + type.getVendor())
            + " is not a java.sql.JDBCType: give a JDBCType or a java.sql.Types number",
        "0A000");
  }

  /** A NULL of the PostgreSQL type for {@code sqlType}, or an untyped NULL where there is none. */
  static Object typedNull(int sqlType) {
    String pgType = PgTypes.pgType(sqlType);
    return pgType == null ? null : Param.of(null, pgType);
  }

  /** A Timestamp read in {@code calendar}'s zone, as text the server reads as either type. */
  static Object timestamp(Timestamp value, Calendar calendar) {
    if (value == null || calendar == null) {
      return value == null ? null : value.toLocalDateTime();
    }
    return WITH_OFFSET.format(value.toInstant().atZone(calendar.getTimeZone().toZoneId()));
  }

  /** A Date as the calendar day it falls on in {@code calendar}'s zone. */
  static Object date(java.sql.Date value, Calendar calendar) {
    if (value == null || calendar == null) {
      return value == null ? null : value.toLocalDate();
    }
    return LocalDateTime.ofInstant(
            java.time.Instant.ofEpochMilli(value.getTime()), calendar.getTimeZone().toZoneId())
        .toLocalDate();
  }

  static Object array(Array array) throws SQLException {
    if (array instanceof JdbcArray ours) {
      return ours.parameter();
    }
    Object elements = array.getArray();
    String element = array.getBaseTypeName();
    List<?> list =
        elements instanceof Object[] objects ? java.util.Arrays.asList(objects) : List.of(elements);
    return Param.of(list, element + "[]");
  }

  static byte[] bytes(InputStream stream, long length) throws SQLException {
    if (stream == null) {
      return null;
    }
    try {
      byte[] all = length < 0 ? stream.readAllBytes() : stream.readNBytes((int) length);
      if (length >= 0 && all.length < length) {
        throw new SQLException(
            "the stream ended after " + all.length + " of " + length + " bytes", "22023");
      }
      return all;
    } catch (IOException e) {
      throw new SQLException(
          "reading the parameter's stream failed: " + e.getMessage(), "HY000", e);
    }
  }

  static String text(Reader reader, long length) throws SQLException {
    if (reader == null) {
      return null;
    }
    try {
      StringBuilder out = new StringBuilder();
      char[] chunk = new char[8192];
      long remaining = length < 0 ? Long.MAX_VALUE : length;
      int read;
      while (remaining > 0
          && (read = reader.read(chunk, 0, (int) Math.min(chunk.length, remaining))) > 0) {
        out.append(chunk, 0, read);
        remaining -= read;
      }
      return out.toString();
    } catch (IOException e) {
      throw new SQLException(
          "reading the parameter's reader failed: " + e.getMessage(), "HY000", e);
    }
  }

  static String ascii(InputStream stream, long length) throws SQLException {
    byte[] bytes = bytes(stream, length);
    return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
