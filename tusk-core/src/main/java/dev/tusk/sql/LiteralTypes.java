package dev.tusk.sql;

import dev.tusk.types.PgBitString;
import dev.tusk.types.PgBox;
import dev.tusk.types.PgCircle;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgInterval;
import dev.tusk.types.PgLine;
import dev.tusk.types.PgLineSegment;
import dev.tusk.types.PgLsn;
import dev.tusk.types.PgPath;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgPolygon;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The built-in type a {@link Literal} of a Java class is written as, and the value converted to
 * what that type's codec takes.
 */
final class LiteralTypes {

  static final String SUPPORTED =
      "String, Character, enums, Boolean, Byte, Short, Integer, Long, BigInteger, BigDecimal,"
          + " Float, Double, byte[], Json, UUID, LocalDate, LocalTime, OffsetTime, LocalDateTime,"
          + " OffsetDateTime, ZonedDateTime, Instant, Duration, PgInterval, InetAddress, PgInet,"
          + " PgPoint, PgLine, PgLineSegment, PgBox, PgPath, PgPolygon, PgCircle, PgBitString,"
          + " PgLsn, Param, and Lists and arrays of those";

  /** A value and the built-in type it is written as. */
  record Target(String typeName, Object converted) {}

  private LiteralTypes() {}

  /** The type {@code value} is written as, or null when its class has none. */
  static Target of(Object value) {
    return switch (value) {
      case byte[] bytes -> new Target("bytea", bytes);
      case UUID uuid -> new Target("uuid", uuid);
      case LocalDate date -> new Target("date", date);
      case LocalTime time -> new Target("time", time);
      case OffsetTime time -> new Target("timetz", time);
      case LocalDateTime timestamp -> new Target("timestamp", timestamp);
      case OffsetDateTime timestamp -> new Target("timestamptz", timestamp);
      case ZonedDateTime timestamp -> new Target("timestamptz", timestamp.toOffsetDateTime());
      case Instant instant -> new Target("timestamptz", instant.atOffset(ZoneOffset.UTC));
      case PgInterval interval -> new Target("interval", interval);
      case Duration duration -> new Target("interval", PgInterval.of(duration));
      case PgInet inet -> new Target("inet", inet);
      case InetAddress address -> new Target("inet", PgInet.of(address));
      case PgPoint point -> new Target("point", point);
      case PgLine line -> new Target("line", line);
      case PgLineSegment segment -> new Target("lseg", segment);
      case PgBox box -> new Target("box", box);
      case PgPath path -> new Target("path", path);
      case PgPolygon polygon -> new Target("polygon", polygon);
      case PgCircle circle -> new Target("circle", circle);
      case PgBitString bits -> new Target("varbit", bits);
      case PgLsn lsn -> new Target("pg_lsn", lsn);
      default -> null;
    };
  }
}
