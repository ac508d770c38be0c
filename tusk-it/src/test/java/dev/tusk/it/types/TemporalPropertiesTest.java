package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static dev.tusk.it.types.ServerText.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import dev.tusk.types.PgInterval;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Arbitrary dates (4714 BC to 5874897 AD, leap days included), timestamps to the microsecond (4714
 * BC to 294276 AD), timestamptz values at any whole-second offset, times, timetz values and finite
 * intervals, sent as parameters: they come back equal in both result formats (timestamptz as the
 * same instant in UTC), and the server prints them as it prints a literal of the same value.
 */
class TemporalPropertiesTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(-4713, 11, 24);
  private static final LocalDate LAST_DATE = LocalDate.of(5_874_897, 12, 31);
  private static final LocalDate LAST_TIMESTAMP_DAY = LocalDate.of(294_276, 12, 31);
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int MAX_TIMETZ_OFFSET = 15 * 3600 + 59 * 60 + 59;

  private Connection conn;

  @BeforeProperty
  void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
    conn.execute("SET TimeZone = 'UTC'");
  }

  @AfterProperty
  void close() {
    conn.close();
  }

  @Property(tries = 250)
  void dateRoundTrips(@ForAll("dates") LocalDate value) {
    assertRoundTrip(conn, "date", value, dateLiteral(value), value);
  }

  @Property(tries = 250)
  void timestampRoundTripsToTheMicrosecond(@ForAll("timestamps") LocalDateTime value) {
    assertRoundTrip(conn, "timestamp", value, timestampLiteral(value, ""), value);
  }

  /** The server keeps the instant, not the offset: the value comes back in UTC. */
  @Property(tries = 200)
  void timestamptzRoundTripsAsTheSameInstant(@ForAll("timestamptzs") OffsetDateTime value) {
    OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
    assertRoundTrip(
        conn, "timestamptz", value, timestampLiteral(utc.toLocalDateTime(), "+00"), utc);
  }

  /**
   * The text format writes timestamptz in the session's zone, with historical offsets such as
   * +05:53:28; the driver must still read the same instant.
   */
  @Property(tries = 150)
  void timestamptzTextInAnySessionZoneIsTheSameInstant(
      @ForAll("timestamptzs") OffsetDateTime value, @ForAll("zones") String zone) {
    conn.execute("SET TimeZone = '" + zone + "'");
    OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
    forEachFormat(
        conn,
        "SELECT $1::timestamptz, ARRAY[$1::timestamptz, NULL]",
        args(value),
        (format, row) -> {
          assertEquals(utc, row.get(0), () -> format + " in " + zone);
          assertEquals(utc, ((List<?>) row.get(1)).get(0), () -> format + " in " + zone);
        });
  }

  @Property(tries = 150)
  void timeRoundTripsToTheMicrosecond(@ForAll("microsOfDay") long micros) {
    LocalTime value = localTime(micros);
    assertRoundTrip(conn, "time", value, timeLiteral(micros), value);
  }

  @Property(tries = 150)
  void timetzRoundTripsWithItsOffset(
      @ForAll("microsOfDay") long micros, @ForAll("timetzOffsets") ZoneOffset offset) {
    OffsetTime value = OffsetTime.of(localTime(micros), offset);
    assertRoundTrip(conn, "timetz", value, timeLiteral(micros) + offsetLiteral(offset), value);
  }

  @Property(tries = 200)
  void intervalRoundTripsFieldByField(@ForAll("intervals") PgInterval value) {
    String literal =
        value.months()
            + " mons "
            + value.days()
            + " days "
            + value.microseconds()
            + " microseconds";
    assertRoundTrip(conn, "interval", value, literal, value);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return datesUpTo(LAST_DATE);
  }

  @Provide
  Arbitrary<LocalDateTime> timestamps() {
    return Combinators.combine(datesUpTo(LAST_TIMESTAMP_DAY), microsBefore(MICROS_PER_DAY))
        .as((date, micros) -> date.atTime(LocalTime.ofNanoOfDay(micros * 1000)));
  }

  @Provide
  Arbitrary<OffsetDateTime> timestamptzs() {
    Arbitrary<ZoneOffset> offsets =
        Arbitraries.integers()
            .between(ZoneOffset.MIN.getTotalSeconds(), ZoneOffset.MAX.getTotalSeconds())
            .map(ZoneOffset::ofTotalSeconds);
    return Combinators.combine(timestamps(), offsets)
        .as((utc, offset) -> utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset));
  }

  /** Zones with odd offsets, seconds in old local mean times, and daylight saving both ways. */
  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "UTC",
        "Asia/Kathmandu",
        "America/St_Johns",
        "Africa/Monrovia",
        "Asia/Kolkata",
        "Pacific/Kiritimati",
        "America/Los_Angeles",
        "Europe/Dublin",
        "Australia/Lord_Howe");
  }

  /** Microseconds since midnight up to 24:00:00 itself, which PostgreSQL allows. */
  @Provide
  Arbitrary<Long> microsOfDay() {
    return Arbitraries.oneOf(microsBefore(MICROS_PER_DAY + 1), Arbitraries.of(0L, MICROS_PER_DAY));
  }

  /** PostgreSQL limits timetz offsets to 15:59:59 either way. */
  @Provide
  Arbitrary<ZoneOffset> timetzOffsets() {
    return Arbitraries.integers()
        .between(-MAX_TIMETZ_OFFSET, MAX_TIMETZ_OFFSET)
        .map(ZoneOffset::ofTotalSeconds);
  }

  @Provide
  Arbitrary<PgInterval> intervals() {
    Arbitrary<Integer> months =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1200, 1200),
            Arbitraries.integers(),
            Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
    Arbitrary<Integer> days =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-400, 400),
            Arbitraries.integers(),
            Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
    Arbitrary<Long> micros =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-10 * MICROS_PER_DAY, 10 * MICROS_PER_DAY),
            Arbitraries.longs(),
            Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE));
    // The infinities have no literal of this form; EdgeValuesTest covers them.
    return Combinators.combine(months, days, micros)
        .as(PgInterval::new)
        .filter(interval -> !interval.isInfinite());
  }

  /** Ordinary dates, BC dates, leap days and the ends of the range, up to {@code last}. */
  private static Arbitrary<LocalDate> datesUpTo(LocalDate last) {
    Arbitrary<LocalDate> leapDays =
        Arbitraries.integers()
            .between(FIRST_DAY.getYear() + 1, last.getYear() - 1)
            .filter(Year::isLeap)
            .map(year -> LocalDate.of(year, 2, 29));
    return Arbitraries.frequencyOf(
        Tuple.of(2, daysBetween(FIRST_DAY, last)),
        Tuple.of(1, daysBetween(FIRST_DAY, LocalDate.of(0, 12, 31))),
        Tuple.of(3, daysBetween(LocalDate.of(1800, 1, 1), LocalDate.of(2200, 12, 31))),
        Tuple.of(1, leapDays),
        Tuple.of(
            1,
            Arbitraries.of(
                FIRST_DAY,
                last,
                LocalDate.of(0, 2, 29),
                LocalDate.of(1, 1, 1),
                LocalDate.of(0, 12, 31),
                LocalDate.of(1999, 12, 31),
                LocalDate.of(9999, 12, 31),
                LocalDate.of(10_000, 1, 1))));
  }

  private static Arbitrary<LocalDate> daysBetween(LocalDate first, LocalDate last) {
    return Arbitraries.longs()
        .between(first.toEpochDay(), last.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  private static Arbitrary<Long> microsBefore(long end) {
    return Arbitraries.longs().between(0, end - 1);
  }

  private static LocalTime localTime(long micros) {
    return micros == MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
  }

  /** {@code YYYY-MM-DD}, the year counted from 1 BC, then {@code BC} where it applies. */
  private static String dateLiteral(LocalDate date) {
    int year = date.getYear();
    String text =
        String.format(
            "%04d-%02d-%02d",
            year > 0 ? year : 1 - year, date.getMonthValue(), date.getDayOfMonth());
    return year > 0 ? text : text + " BC";
  }

  /** A date and time with {@code zone} after the time and {@code BC} last, as the server reads. */
  private static String timestampLiteral(LocalDateTime value, String zone) {
    String date = dateLiteral(value.toLocalDate());
    String time = timeLiteral(value.toLocalTime().toNanoOfDay() / 1000) + zone;
    return date.endsWith(" BC")
        ? date.substring(0, date.length() - 3) + " " + time + " BC"
        : date + " " + time;
  }

  /** {@code HH:MM:SS.ffffff} from microseconds since midnight; 24:00:00 stays as it is. */
  private static String timeLiteral(long micros) {
    long seconds = micros / 1_000_000;
    return String.format(
        "%02d:%02d:%02d.%06d", seconds / 3600, seconds / 60 % 60, seconds % 60, micros % 1_000_000);
  }

  private static String offsetLiteral(ZoneOffset offset) {
    int seconds = Math.abs(offset.getTotalSeconds());
    return String.format(
        "%s%02d:%02d:%02d",
        offset.getTotalSeconds() < 0 ? "-" : "+", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
