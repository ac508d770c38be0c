package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.DataError;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * interval as java.time both ways: a Duration when it has no months, a Period when it has no time
 * part, a DataError naming what holds it when neither does.
 */
@TuskTest
class IntervalAsJavaTimeTest {

  @Test
  void durationsAndPeriodsGoBothWays(Connection conn) {
    Duration duration = Duration.ofHours(49).plusMinutes(3).plusNanos(500_000_000);
    assertBothFormats(conn, "SELECT $1::interval", args(duration), Duration.class, duration);
    assertBothFormats(
        conn,
        "SELECT '2 days 01:00:00.000001'::interval",
        args(),
        Duration.class,
        Duration.ofDays(2).plusHours(1).plusNanos(1000));
    Period period = Period.of(1, 2, 3);
    assertBothFormats(conn, "SELECT $1::interval", args(period), Period.class, period);
    assertBothFormats(conn, "SELECT $1::text", args(period), "1 year 2 mons 3 days");
    assertBothFormats(conn, "SELECT '-5 days'::interval", args(), Period.class, Period.ofDays(-5));
    assertBothFormats(
        conn,
        "SELECT ARRAY['1 day'::interval, '2 hours']",
        args(),
        Duration[].class,
        new Duration[] {Duration.ofDays(1), Duration.ofHours(2)});
    assertBothFormats(
        conn,
        "SELECT pg_typeof($1)::text",
        args(List.of(Period.ofMonths(1), Period.ofDays(2))),
        "interval[]");
  }

  @Test
  void anIntervalThatFitsNeitherIsADataErrorNamingPgInterval(Connection conn) {
    forEachFormat(
        conn,
        "SELECT '1 mon 2 days 03:00'::interval, '1 mon'::interval, '3 hours'::interval,"
            + " 'infinity'::interval",
        args(),
        (format, row) -> {
          DataError both = assertThrows(DataError.class, () -> row.get(0, Duration.class));
          assertTrue(both.getMessage().contains("read it as a PgInterval"), both.getMessage());
          DataError neither = assertThrows(DataError.class, () -> row.get(0, Period.class));
          assertTrue(neither.getMessage().contains("PgInterval"), neither.getMessage());
          DataError months = assertThrows(DataError.class, () -> row.get(1, Duration.class));
          assertTrue(months.getMessage().contains("read it as a Period"), months.getMessage());
          assertEquals(Period.ofMonths(1), row.get(1, Period.class));
          DataError time = assertThrows(DataError.class, () -> row.get(2, Period.class));
          assertTrue(time.getMessage().contains("read it as a Duration"), time.getMessage());
          assertThrows(DataError.class, () -> row.get(3, Duration.class));
        });
  }
}
