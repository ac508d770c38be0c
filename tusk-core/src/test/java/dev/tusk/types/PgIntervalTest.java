package dev.tusk.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import java.time.Duration;
import java.time.Period;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgIntervalTest {

  @Test
  void durationsGoIntoTheTimePart() {
    assertEquals(new PgInterval(0, 0, 90_000_000_000L), PgInterval.of(Duration.ofHours(25)));
    assertEquals(new PgInterval(0, 0, 2), PgInterval.of(Duration.ofNanos(1500)));
    assertEquals(new PgInterval(0, 0, -1), PgInterval.of(Duration.ofNanos(-1000)));
    assertThrows(DataError.class, () -> PgInterval.of(Duration.ofSeconds(Long.MAX_VALUE)));
  }

  @Test
  void periodsGoIntoMonthsAndDays() {
    assertEquals(new PgInterval(14, 3, 0), PgInterval.of(Period.of(1, 2, 3)));
    assertEquals(new PgInterval(-14, 0, 0), PgInterval.of(Period.of(-1, -2, 0)));
    assertThrows(DataError.class, () -> PgInterval.of(Period.ofYears(Integer.MAX_VALUE)));
  }

  @Test
  void durationCountsDaysAs24HoursAndRefusesMonths() {
    assertEquals(
        Duration.ofHours(49).plusNanos(5000), new PgInterval(0, 2, 3_600_000_005L).toDuration());
    DataError error = assertThrows(DataError.class, () -> new PgInterval(1, 0, 0).toDuration());
    assertTrue(error.getMessage().contains("months"), error.getMessage());
  }

  @Test
  void periodRefusesATimePart() {
    assertEquals(Period.of(1, 2, -3), new PgInterval(14, -3, 0).toPeriod());
    assertThrows(DataError.class, () -> new PgInterval(0, 0, 1).toPeriod());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "14 | -3 | 14706500000 | P1Y2M-3DT4H5M6.5S",
        "0 | 0 | 0 | PT0S",
        "0 | 0 | -1000000 | PT-1S",
        "0 | 0 | -500000 | PT-0.5S",
        "0 | 1 | 0 | P1D",
        "-1 | 0 | 0 | P-1M",
        "0 | 0 | 3600000001 | PT1H0.000001S",
        "0 | 0 | -3660000000 | PT-1H-1M"
      })
  void toStringIsIso8601AsPostgresWritesIt(int months, int days, long micros, String text) {
    assertEquals(text, new PgInterval(months, days, micros).toString());
  }

  @Test
  void infinities() {
    assertEquals("infinity", PgInterval.INFINITY.toString());
    assertEquals("-infinity", PgInterval.NEGATIVE_INFINITY.toString());
    assertTrue(PgInterval.INFINITY.isInfinite());
    assertTrue(!new PgInterval(Integer.MAX_VALUE, 0, 0).isInfinite());
  }

  @Property
  void durationsRoundTrip(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long micros) {
    Duration duration = Duration.ofNanos(micros * 1000);
    assertEquals(duration, PgInterval.of(duration).toDuration());
  }

  @Property
  void periodsRoundTrip(
      @ForAll @IntRange(min = -1000, max = 1000) int years,
      @ForAll @IntRange(min = -11, max = 11) int months,
      @ForAll int days) {
    if (Integer.signum(years) * Integer.signum(months) >= 0) {
      Period period = Period.of(years, months, days);
      assertEquals(period, PgInterval.of(period).toPeriod());
    }
  }
}
