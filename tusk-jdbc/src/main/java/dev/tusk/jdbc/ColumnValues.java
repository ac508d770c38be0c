package dev.tusk.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;

/**
 * JDBC's getter conversions over the Java values Tusk decodes: numbers between each other (a value
 * that does not fit is an error, never a truncation), text to numbers and booleans, java.time to
 * the java.sql classes in the JVM's zone or a Calendar's, and JDBC's default classes for {@code
 * getObject}.
 */
final class ColumnValues {

  private ColumnValues() {}

  static boolean toBoolean(Object value) throws SQLException {
    return switch (value) {
      case null -> false;
      case Boolean flag -> flag;
      case Number number -> toBigDecimal(number).signum() != 0;
      case String text ->
          switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw cannot(value, "boolean");
          };
      default -> throw cannot(value, "boolean");
    };
  }

  static byte toByte(Object value) throws SQLException {
    return (byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  static short toShort(Object value) throws SQLException {
    return (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  static int toInt(Object value) throws SQLException {
    if (value instanceof Integer number) {
      return number; // the common case, without the exact-range arithmetic
    }
    return (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  static long toLong(Object value) throws SQLException {
    if (value instanceof Long number) {
      return number;
    }
    return toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  static float toFloat(Object value) throws SQLException {
    return (float) toDouble(value);
  }

  static long toLong(Object value, long min, long max, String type) throws SQLException {
    if (value == null) {
      return 0;
    }
    BigDecimal exact =
        switch (value) {
          case Boolean flag -> flag ? BigDecimal.ONE : BigDecimal.ZERO;
          case Number number -> toBigDecimal(number);
          case String text -> parse(text, type);
          default -> throw cannot(value, type);
        };
    BigInteger whole = exact.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new SQLDataException("the value " + value + " is out of range for " + type, "22003");
    }
    return whole.longValue();
  }

  static double toDouble(Object value) throws SQLException {
    return switch (value) {
      case null -> 0;
      case Boolean flag -> flag ? 1 : 0;
      case Number number -> number.doubleValue();
      case String text -> {
        try {
          yield Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
          throw cannot(value, "double");
        }
      }
      default -> throw cannot(value, "double");
    };
  }

  static BigDecimal toBigDecimal(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Double number -> BigDecimal.valueOf(number);
      case Float number -> new BigDecimal(number.toString());
      case Number number -> BigDecimal.valueOf(number.longValue());
      case Boolean flag -> flag ? BigDecimal.ONE : BigDecimal.ZERO;
      case String text -> parse(text, "BigDecimal");
      default -> throw cannot(value, "BigDecimal");
    };
  }

  private static BigDecimal toBigDecimal(Number number) throws SQLException {
    if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new SQLDataException("the value " + d + " is not a finite number", "22003");
    }
    return toBigDecimal((Object) number);
  }

  private static BigDecimal parse(String text, String type) throws SQLException {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw cannot(text, type);
    }
  }

  static java.sql.Date toDate(Object value, Calendar calendar) throws SQLException {
    LocalDate day =
        switch (value) {
          case null -> null;
          case LocalDate date -> date;
          case LocalDateTime dateTime -> dateTime.toLocalDate();
          case OffsetDateTime dateTime -> dateTime.atZoneSameInstant(zone(null)).toLocalDate();
          case String text -> parseTemporal(text, LocalDate::parse, "date");
          default -> throw cannot(value, "java.sql.Date");
        };
    if (day == null) {
      return null;
    }
    return calendar == null
        ? java.sql.Date.valueOf(day)
        : new java.sql.Date(day.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
  }

  static Time toTime(Object value, Calendar calendar) throws SQLException {
    LocalTime time =
        switch (value) {
          case null -> null;
          case LocalTime local -> local;
          case OffsetTime offset ->
              offset
                  .withOffsetSameInstant(zone(null).getRules().getOffset(Instant.now()))
                  .toLocalTime();
          case LocalDateTime dateTime -> dateTime.toLocalTime();
          case OffsetDateTime dateTime -> dateTime.atZoneSameInstant(zone(null)).toLocalTime();
          case String text -> parseTemporal(text, LocalTime::parse, "time");
          default -> throw cannot(value, "java.sql.Time");
        };
    if (time == null) {
      return null;
    }
    long millis =
        calendar == null
            ? Time.valueOf(time).getTime() + time.getNano() / 1_000_000
            : time.atDate(LocalDate.EPOCH).atZone(zone(calendar)).toInstant().toEpochMilli();
    return new Time(millis);
  }

  static Timestamp toTimestamp(Object value, Calendar calendar) throws SQLException {
    return switch (value) {
      case null -> null;
      case OffsetDateTime dateTime -> Timestamp.from(dateTime.toInstant());
      case Instant instant -> Timestamp.from(instant);
      case LocalDateTime dateTime -> local(dateTime, calendar);
      case LocalDate date -> local(date.atStartOfDay(), calendar);
      case String text ->
          local(parseTemporal(text.replace(' ', 'T'), LocalDateTime::parse, "timestamp"), calendar);
      default -> throw cannot(value, "java.sql.Timestamp");
    };
  }

  private static Timestamp local(LocalDateTime dateTime, Calendar calendar) {
    return calendar == null
        ? Timestamp.valueOf(dateTime)
        : Timestamp.from(dateTime.atZone(zone(calendar)).toInstant());
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
  }

  private static <T> T parseTemporal(
      String text, java.util.function.Function<String, T> parser, String type) throws SQLException {
    try {
      return parser.apply(text.strip());
    } catch (java.time.DateTimeException e) {
      throw cannot(text, type);
    }
  }

  /** {@code getObject(i)}: JDBC's default class for the value Tusk decoded. */
  static Object jdbcDefault(Object value, String typeName) throws SQLException {
    return switch (value) {
      case null -> null;
      case Short number -> number.intValue(); // JDBC maps SMALLINT to Integer
      case LocalDate date -> java.sql.Date.valueOf(date);
      case LocalTime time -> toTime(time, null);
      case OffsetTime time -> toTime(time, null);
      case LocalDateTime dateTime -> Timestamp.valueOf(dateTime);
      case OffsetDateTime dateTime -> Timestamp.from(dateTime.toInstant());
      case List<?> list -> new JdbcArray(JdbcArray.elementType(typeName), list);
      default -> value;
    };
  }

  /** Whether {@link #temporal} may convert to {@code type}: the local java.time classes. */
  static boolean isLocalTemporal(Class<?> type) {
    return type == LocalDateTime.class || type == LocalDate.class || type == LocalTime.class;
  }

  /** {@code getObject(i, type)} for the java.time classes Tusk does not convert to itself. */
  static Object temporal(Object value, Class<?> type) {
    if (value instanceof OffsetDateTime dateTime && type == LocalDateTime.class) {
      return dateTime.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }
    if (value instanceof OffsetDateTime dateTime && type == LocalDate.class) {
      return dateTime.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }
    if (value instanceof LocalDateTime dateTime && type == LocalDate.class) {
      return dateTime.toLocalDate();
    }
    if (value instanceof LocalDateTime dateTime && type == LocalTime.class) {
      return dateTime.toLocalTime();
    }
    return null;
  }

  /** The text as a URL (null stays null). */
  static java.net.URL toUrl(String text) throws SQLException {
    try {
      return text == null ? null : java.net.URI.create(text).toURL();
    } catch (java.net.MalformedURLException | IllegalArgumentException e) {
      throw new SQLException("the value is not a URL: " + e.getMessage(), "22000", e);
    }
  }

  static SQLException cannot(Object value, String type) {
    String shown = String.valueOf(value);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    return new SQLDataException(
        "cannot read the value \""
            + shown
            + "\" ("
            + value.getClass().getSimpleName()
            + ") as "
            + type,
        "22018");
  }
}
