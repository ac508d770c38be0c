package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.text.DateTimeText;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeCodecsTest {

  private static final LocalDateTime Y2K = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** 4714-11-24 BC, PostgreSQL's first date, and 5874897-12-31, its last. */
  private static final LocalDate FIRST_DATE = LocalDate.of(-4713, 11, 24);

  private static final LocalDate LAST_DATE = LocalDate.of(5874897, 12, 31);

  @Test
  void dateBinaryCountsDaysFrom2000() {
    assertEquals("00000000", hex(binary(DateCodec.INSTANCE, LocalDate.of(2000, 1, 1))));
    assertEquals("ffffd533", hex(binary(DateCodec.INSTANCE, LocalDate.of(1970, 1, 1))));
    assertEquals(LocalDate.of(2000, 1, 2), decodeBinary(DateCodec.INSTANCE, hex("00000001")));
    assertEquals(FIRST_DATE, decodeBinary(DateCodec.INSTANCE, hex("ffda97a7")));
  }

  @Test
  void dateInfinityIsMaxAndMin() {
    assertEquals(LocalDate.MAX, decodeBinary(DateCodec.INSTANCE, hex("7fffffff")));
    assertEquals(LocalDate.MIN, decodeBinary(DateCodec.INSTANCE, hex("80000000")));
    assertEquals("7fffffff", hex(binary(DateCodec.INSTANCE, LocalDate.MAX)));
    assertEquals("80000000", hex(binary(DateCodec.INSTANCE, LocalDate.MIN)));
    assertEquals(LocalDate.MAX, decodeText(DateCodec.INSTANCE, "infinity"));
    assertEquals(LocalDate.MIN, decodeText(DateCodec.INSTANCE, "-infinity"));
    assertEquals("infinity", DateCodec.INSTANCE.encodeText(LocalDate.MAX));
    assertEquals("-infinity", DateCodec.INSTANCE.encodeText(LocalDate.MIN));
  }

  @Test
  void dateTextHandlesBcAndLongYears() {
    assertEquals(LocalDate.of(2024, 1, 2), decodeText(DateCodec.INSTANCE, "2024-01-02"));
    assertEquals(LocalDate.of(-43, 3, 15), decodeText(DateCodec.INSTANCE, "0044-03-15 BC"));
    assertEquals(LocalDate.of(0, 12, 31), decodeText(DateCodec.INSTANCE, "0001-12-31 BC"));
    assertEquals(LocalDate.of(10000, 1, 1), decodeText(DateCodec.INSTANCE, "10000-01-01"));
    assertEquals("0044-03-15 BC", DateCodec.INSTANCE.encodeText(LocalDate.of(-43, 3, 15)));
    assertEquals("0001-01-01", DateCodec.INSTANCE.encodeText(LocalDate.of(1, 1, 1)));
    assertEquals("0001-01-01 BC", DateCodec.INSTANCE.encodeText(LocalDate.of(0, 1, 1)));
    assertEquals("5874897-12-31", DateCodec.INSTANCE.encodeText(LAST_DATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "2024-1-02", "2024-02-30", "0000-01-01", "2024-01-02 AD", "2024-01-02x", "-1"})
  void dateRejectsMalformedText(String text) {
    DataError error = assertThrows(DataError.class, () -> decodeText(DateCodec.INSTANCE, text));
    assertTrue(error.getMessage().contains("date"), error.getMessage());
  }

  @Test
  void datesOutsidePostgresRangeAreDataErrors() {
    assertThrows(DataError.class, () -> binary(DateCodec.INSTANCE, FIRST_DATE.minusDays(1)));
    assertThrows(DataError.class, () -> binary(DateCodec.INSTANCE, LAST_DATE.plusDays(1)));
  }

  @Test
  void timestampBinaryCountsMicrosecondsFrom2000() {
    assertEquals("0000000000000000", hex(binary(TimestampCodecs.TIMESTAMP, Y2K)));
    assertEquals("00000000000f4240", hex(binary(TimestampCodecs.TIMESTAMP, Y2K.plusSeconds(1))));
    LocalDateTime beforeUnixEpoch = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
    long micros = -946_684_800_000_001L;
    assertEquals(
        String.format("%016x", micros), hex(binary(TimestampCodecs.TIMESTAMP, beforeUnixEpoch)));
    assertEquals(
        beforeUnixEpoch,
        decodeBinary(TimestampCodecs.TIMESTAMP, hex(String.format("%016x", micros))));
  }

  @Test
  void timestampInfinityIsMaxAndMin() {
    assertEquals(
        LocalDateTime.MAX, decodeBinary(TimestampCodecs.TIMESTAMP, hex("7fffffffffffffff")));
    assertEquals(
        OffsetDateTime.MIN, decodeBinary(TimestampCodecs.TIMESTAMPTZ, hex("8000000000000000")));
    assertEquals("7fffffffffffffff", hex(binary(TimestampCodecs.TIMESTAMPTZ, OffsetDateTime.MAX)));
    assertEquals("8000000000000000", hex(binary(TimestampCodecs.TIMESTAMP, LocalDateTime.MIN)));
    assertEquals(LocalDateTime.MIN, decodeText(TimestampCodecs.TIMESTAMP, "-infinity"));
    assertEquals(OffsetDateTime.MAX, decodeText(TimestampCodecs.TIMESTAMPTZ, "infinity"));
    assertEquals("infinity", TimestampCodecs.TIMESTAMPTZ.encodeText(OffsetDateTime.MAX));
  }

  @Test
  void timestampTextHandlesFractionsBcAndLongYears() {
    assertEquals(
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
        decodeText(TimestampCodecs.TIMESTAMP, "2024-01-02 03:04:05.123456"));
    assertEquals(
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000),
        decodeText(TimestampCodecs.TIMESTAMP, "2024-01-02 03:04:05.5"));
    assertEquals(
        LocalDateTime.of(-43, 3, 15, 12, 0),
        decodeText(TimestampCodecs.TIMESTAMP, "0044-03-15 12:00:00 BC"));
    assertEquals(
        LocalDateTime.of(123456, 7, 8, 9, 10, 11),
        decodeText(TimestampCodecs.TIMESTAMP, "123456-07-08 09:10:11"));
    assertEquals(
        "2024-01-02 03:04:05.12",
        TimestampCodecs.TIMESTAMP.encodeText(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000)));
    assertEquals(
        "0044-03-15 12:00:00 BC",
        TimestampCodecs.TIMESTAMP.encodeText(LocalDateTime.of(-43, 3, 15, 12, 0)));
  }

  @Test
  void timestamptzTextConvertsTheServerOffsetToUtc() {
    assertEquals(
        OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 123_456_000, ZoneOffset.UTC),
        decodeText(TimestampCodecs.TIMESTAMPTZ, "2024-01-02 03:04:05.123456+05:30"));
    assertEquals(
        OffsetDateTime.of(2024, 1, 1, 21, 33, 50, 0, ZoneOffset.UTC),
        decodeText(TimestampCodecs.TIMESTAMPTZ, "2024-01-02 03:04:05+05:30:15"));
    assertEquals(
        OffsetDateTime.of(2024, 1, 2, 11, 4, 5, 0, ZoneOffset.UTC),
        decodeText(TimestampCodecs.TIMESTAMPTZ, "2024-01-02 03:04:05-08"));
    assertEquals(
        OffsetDateTime.of(-43, 3, 15, 11, 6, 32, 0, ZoneOffset.UTC),
        decodeText(TimestampCodecs.TIMESTAMPTZ, "0044-03-15 12:00:00+00:53:28 BC"));
    assertEquals(
        "2024-01-01 21:34:05.123456+00",
        TimestampCodecs.TIMESTAMPTZ.encodeText(
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30))));
    assertEquals(
        "0044-03-15 12:00:00+00 BC",
        TimestampCodecs.TIMESTAMPTZ.encodeText(
            OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-02 03:04:05",
        "2024-01-02 03:04:05+",
        "2024-01-02 03:04+05",
        "2024-01-02T03:04:05+00",
        "2024-01-02 25:00:00+00",
        "2024-01-02 03:04:05.+00"
      })
  void timestamptzRejectsMalformedText(String text) {
    assertThrows(DataError.class, () -> decodeText(TimestampCodecs.TIMESTAMPTZ, text));
  }

  @Test
  void nanosecondsRoundToTheNearestMicrosecond() {
    LocalDateTime value = LocalDateTime.of(2024, 1, 2, 23, 59, 59, 999_999_600);
    assertEquals(
        LocalDateTime.of(2024, 1, 3, 0, 0), Wire.binaryRoundTrip(TimestampCodecs.TIMESTAMP, value));
    assertEquals(
        LocalTime.of(1, 2, 3, 4000),
        Wire.binaryRoundTrip(TimeCodecs.TIME, LocalTime.of(1, 2, 3, 3500)));
  }

  @Test
  void timestampsOutsidePostgresRangeAreDataErrors() {
    LocalDateTime tooLate = LocalDateTime.of(294277, 1, 1, 0, 0);
    DataError error =
        assertThrows(DataError.class, () -> binary(TimestampCodecs.TIMESTAMP, tooLate));
    assertTrue(error.getMessage().contains("294276"), error.getMessage());
    assertThrows(
        DataError.class,
        () ->
            binary(
                TimestampCodecs.TIMESTAMPTZ, OffsetDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC)));
  }

  @Test
  void timeOfDay() {
    assertEquals(
        String.format("%016x", 14_706_000_000L),
        hex(binary(TimeCodecs.TIME, LocalTime.of(4, 5, 6))));
    assertEquals(LocalTime.of(4, 5, 6), decodeText(TimeCodecs.TIME, "04:05:06"));
    assertEquals(LocalTime.of(4, 5, 6, 500_000_000), decodeText(TimeCodecs.TIME, "04:05:06.5"));
    assertEquals(LocalTime.MAX, decodeText(TimeCodecs.TIME, "24:00:00"));
    assertEquals(LocalTime.MAX, decodeBinary(TimeCodecs.TIME, hex("000000141dd76000")));
    assertEquals("000000141dd76000", hex(binary(TimeCodecs.TIME, LocalTime.MAX)));
    assertEquals("24:00:00", TimeCodecs.TIME.encodeText(LocalTime.MAX));
    assertEquals("00:00:00.000001", TimeCodecs.TIME.encodeText(LocalTime.of(0, 0, 0, 1000)));
    assertThrows(DataError.class, () -> decodeText(TimeCodecs.TIME, "24:00:01"));
    assertThrows(DataError.class, () -> decodeBinary(TimeCodecs.TIME, hex("000000141dd76001")));
  }

  @Test
  void timeWithZoneSendsSecondsWest() {
    OffsetTime value = OffsetTime.of(4, 5, 6, 0, ZoneOffset.ofHours(2));
    assertEquals(
        String.format("%016x", 14_706_000_000L) + "ffffe3e0",
        hex(binary(TimeCodecs.TIMETZ, value)));
    assertEquals(value, decodeText(TimeCodecs.TIMETZ, "04:05:06+02"));
    assertEquals("04:05:06+02", TimeCodecs.TIMETZ.encodeText(value));
    OffsetTime odd =
        OffsetTime.of(4, 5, 6, 500_000_000, ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15));
    assertEquals(odd, decodeText(TimeCodecs.TIMETZ, "04:05:06.5-03:30:15"));
    assertEquals("04:05:06.5-03:30:15", TimeCodecs.TIMETZ.encodeText(odd));
    assertThrows(DataError.class, () -> decodeText(TimeCodecs.TIMETZ, "04:05:06"));
  }

  @Property
  void datesRoundTrip(@ForAll("dates") LocalDate value) {
    assertEquals(value, Wire.binaryRoundTrip(DateCodec.INSTANCE, value));
    assertEquals(value, Wire.textRoundTrip(DateCodec.INSTANCE, value));
  }

  @Property
  void timestampsRoundTrip(@ForAll("timestamps") LocalDateTime value) {
    assertEquals(value, Wire.binaryRoundTrip(TimestampCodecs.TIMESTAMP, value));
    assertEquals(value, Wire.textRoundTrip(TimestampCodecs.TIMESTAMP, value));
  }

  /**
   * Decoding shares the date of the day decoded last: values that alternate between days, and runs
   * within one day, all decode as the calendar says (against java.time's own arithmetic).
   */
  @Property
  void timestampsDecodeToTheirOwnDayWhateverCameBefore(
      @ForAll("microsList") java.util.List<Long> microsList) {
    for (long micros : microsList) {
      LocalDateTime expected =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L) + 946_684_800L,
              (int) Math.floorMod(micros, 1_000_000L) * 1000,
              ZoneOffset.UTC);
      byte[] wire = java.nio.ByteBuffer.allocate(8).putLong(micros).array();
      assertEquals(expected, decodeBinary(TimestampCodecs.TIMESTAMP, wire));
      int days = (int) Math.floorDiv(micros, 86_400_000_000L);
      byte[] dateWire = java.nio.ByteBuffer.allocate(4).putInt(days).array();
      assertEquals(expected.toLocalDate(), decodeBinary(DateCodec.INSTANCE, dateWire));
    }
  }

  @Provide
  Arbitrary<java.util.List<Long>> microsList() {
    Arbitrary<Long> sameDay = Arbitraries.longs().between(0, 86_399_999_999L);
    Arbitrary<Long> anyDay =
        Arbitraries.longs().between(-211_813_488_000_000_000L, 9_223_371_331_199_999_999L);
    return Arbitraries.oneOf(sameDay, anyDay, sameDay.map(m -> m - 86_400_000_000L))
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  @Property
  void timestamptzRoundTripsAsUtc(
      @ForAll("timestamps") LocalDateTime local, @ForAll("offsets") ZoneOffset offset) {
    OffsetDateTime value = OffsetDateTime.of(local, offset);
    OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
    assertEquals(utc, Wire.binaryRoundTrip(TimestampCodecs.TIMESTAMPTZ, value));
    assertEquals(utc, Wire.textRoundTrip(TimestampCodecs.TIMESTAMPTZ, value));
  }

  /** The server's text with any offset, built as it writes it, parses to the same instant. */
  @Property
  void timestamptzTextWithAnyOffsetParses(
      @ForAll("timestamps") LocalDateTime local, @ForAll("offsets") ZoneOffset offset) {
    String plain = TimestampCodecs.TIMESTAMP.encodeText(local);
    StringBuilder zone = new StringBuilder();
    DateTimeText.appendOffset(zone, offset.getTotalSeconds());
    String text =
        plain.endsWith(" BC")
            ? plain.substring(0, plain.length() - 3) + zone + " BC"
            : plain + zone;
    assertEquals(
        OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC),
        decodeText(TimestampCodecs.TIMESTAMPTZ, text));
  }

  @Property
  void timesRoundTrip(@ForAll("times") LocalTime value, @ForAll("offsets") ZoneOffset offset) {
    assertEquals(value, Wire.binaryRoundTrip(TimeCodecs.TIME, value));
    assertEquals(value, Wire.textRoundTrip(TimeCodecs.TIME, value));
    OffsetTime withZone = OffsetTime.of(value, offset);
    assertEquals(withZone, Wire.binaryRoundTrip(TimeCodecs.TIMETZ, withZone));
    assertEquals(withZone, Wire.textRoundTrip(TimeCodecs.TIMETZ, withZone));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(FIRST_DATE.toEpochDay(), LAST_DATE.toEpochDay()),
            Arbitraries.longs()
                .between(
                    LocalDate.of(-100, 1, 1).toEpochDay(), LocalDate.of(12000, 1, 1).toEpochDay()))
        .map(LocalDate::ofEpochDay);
  }

  /** From 4713 BC to 294276 AD (a day inside the ends, so that any offset stays in range). */
  @Provide
  Arbitrary<LocalDateTime> timestamps() {
    long first = ChronoUnit.MICROS.between(Y2K, LocalDateTime.of(-4713, 11, 25, 0, 0));
    long last = ChronoUnit.MICROS.between(Y2K, LocalDateTime.of(294276, 12, 30, 0, 0));
    return Arbitraries.longs()
        .between(first, last)
        .map(micros -> Y2K.plus(micros, ChronoUnit.MICROS));
  }

  @Provide
  Arbitrary<LocalTime> times() {
    return Arbitraries.longs()
        .between(0, 86_399_999_999L)
        .map(micros -> LocalTime.ofNanoOfDay(micros * 1000));
  }

  /** Offsets as PostgreSQL allows them, under 16 hours, with seconds. */
  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.integers().between(-57_599, 57_599).map(ZoneOffset::ofTotalSeconds);
  }
}
