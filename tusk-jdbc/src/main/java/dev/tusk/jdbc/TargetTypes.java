package dev.tusk.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * JDBC's conversion table for {@code setObject(i, value, targetSqlType)}: the value becomes the
 * Java class Tusk sends as the target's PostgreSQL type (a number as text for VARCHAR, text as a
 * number for INTEGER, ...). A value that does not convert is a {@code 22018} error naming it.
 */
final class TargetTypes {

  private TargetTypes() {}

  /** {@code value} (already converted from java.sql classes) as the class for {@code sqlType}. */
  static Object convert(Object value, int sqlType) throws SQLException {
    try {
      return switch (sqlType) {
        case Types.CHAR,
            Types.VARCHAR,
            Types.LONGVARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.LONGNVARCHAR,
            Types.CLOB,
            Types.NCLOB ->
            value instanceof Boolean flag ? (flag ? "true" : "false") : String.valueOf(value);
        case Types.TINYINT, Types.SMALLINT ->
            (short) number(value, Short.MIN_VALUE, Short.MAX_VALUE);
        case Types.INTEGER -> (int) number(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case Types.BIGINT -> number(value, Long.MIN_VALUE, Long.MAX_VALUE);
        case Types.REAL -> (float) ColumnValues.toDouble(value);
        case Types.FLOAT, Types.DOUBLE -> ColumnValues.toDouble(value);
        case Types.NUMERIC, Types.DECIMAL -> ColumnValues.toBigDecimal(value);
        case Types.BIT, Types.BOOLEAN -> ColumnValues.toBoolean(value);
        case Types.DATE -> date(value);
        case Types.TIME -> value instanceof String text ? LocalTime.parse(text.strip()) : value;
        case Types.TIMESTAMP -> timestamp(value);
        case Types.TIMESTAMP_WITH_TIMEZONE ->
            value instanceof String text
                ? OffsetDateTime.parse(text.strip().replace(' ', 'T'))
                : value;
        default -> value;
      };
    } catch (java.time.DateTimeException | NumberFormatException e) {
      throw ColumnValues.cannot(value, "java.sql.Types " + sqlType);
    }
  }

  private static long number(Object value, long min, long max) throws SQLException {
    return ColumnValues.toLong(value, min, max, "java.sql.Types integer");
  }

  private static Object date(Object value) {
    return switch (value) {
      case String text -> LocalDate.parse(text.strip());
      case LocalDateTime dateTime -> dateTime.toLocalDate();
      case OffsetDateTime dateTime ->
          dateTime.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
      default -> value;
    };
  }

  private static Object timestamp(Object value) {
    return switch (value) {
      case String text -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
      case LocalDate date -> date.atStartOfDay();
      case OffsetDateTime dateTime ->
          dateTime.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
      default -> value;
    };
  }
}
