package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DateTimeText;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.PgEpoch;
import dev.tusk.internal.codec.text.TextCursor;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * {@code time} as LocalTime and {@code timetz} as OffsetTime. Binary is int64 microseconds since
 * midnight, then for timetz an int32 zone in seconds <em>west</em> of Greenwich (the negated
 * offset). PostgreSQL allows {@code 24:00:00}, which reads as {@link LocalTime#MAX}; LocalTime.MAX
 * rounds to the microsecond as 24:00:00 again.
 */
public final class TimeCodecs {

  public static final Codec<LocalTime> TIME = new Time();
  public static final Codec<OffsetTime> TIMETZ = new TimeTz();

  private TimeCodecs() {}

  private static String render(long micros) {
    StringBuilder text = new StringBuilder(15);
    DateTimeText.appendTime(text, micros);
    return text.toString();
  }

  private static final class Time extends BaseCodec<LocalTime> {

    Time() {
      super(Oids.TIME, "time", LocalTime.class);
    }

    @Override
    public LocalTime decodeText(byte[] bytes, int offset, int length) {
      TextCursor text = new TextCursor(bytes, offset, length, "time");
      long micros = DateTimeText.parseTime(text);
      text.expectEnd();
      return PgEpoch.toLocalTime(micros, "time");
    }

    @Override
    public LocalTime decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("time", 8, length);
      return PgEpoch.toLocalTime(BigEndian.int64(bytes, offset), "time");
    }

    @Override
    public void encodeBinary(LocalTime value, BinaryOutput out) {
      out.writeInt64(PgEpoch.micros(value));
    }

    @Override
    public String encodeText(LocalTime value) {
      return render(PgEpoch.micros(value));
    }
  }

  private static final class TimeTz extends BaseCodec<OffsetTime> {

    TimeTz() {
      super(Oids.TIMETZ, "timetz", OffsetTime.class);
    }

    @Override
    public OffsetTime decodeText(byte[] bytes, int offset, int length) {
      TextCursor text = new TextCursor(bytes, offset, length, "timetz");
      long micros = DateTimeText.parseTime(text);
      int secondsEast = DateTimeText.parseOffset(text);
      text.expectEnd();
      try {
        return OffsetTime.of(
            PgEpoch.toLocalTime(micros, "timetz"), ZoneOffset.ofTotalSeconds(secondsEast));
      } catch (DateTimeException e) {
        throw text.error();
      }
    }

    @Override
    public OffsetTime decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("timetz", 12, length);
      LocalTime time = PgEpoch.toLocalTime(BigEndian.int64(bytes, offset), "timetz");
      int secondsWest = BigEndian.int32(bytes, offset + 8);
      try {
        return OffsetTime.of(time, ZoneOffset.ofTotalSeconds(-secondsWest));
      } catch (DateTimeException e) {
        throw DecodeErrors.badBinary("timetz", "zone " + secondsWest + " seconds");
      }
    }

    @Override
    public void encodeBinary(OffsetTime value, BinaryOutput out) {
      out.writeInt64(PgEpoch.micros(value.toLocalTime()));
      out.writeInt32(-value.getOffset().getTotalSeconds());
    }

    @Override
    public String encodeText(OffsetTime value) {
      StringBuilder text = new StringBuilder(render(PgEpoch.micros(value.toLocalTime())));
      DateTimeText.appendOffset(text, value.getOffset().getTotalSeconds());
      return text.toString();
    }
  }
}
