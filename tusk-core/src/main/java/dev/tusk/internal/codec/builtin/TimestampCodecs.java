package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DateTimeText;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.PgEpoch;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * {@code timestamp} as LocalDateTime and {@code timestamptz} as OffsetDateTime in UTC. Binary is
 * int64 microseconds since 2000-01-01 (UTC for timestamptz). The text of a timestamptz carries the
 * server's offset, so it converts to UTC exactly whatever the session's TimeZone; rendering uses
 * {@code +00}, or a session's TimeZone for reading binary values as the server's text ({@link
 * SessionTimeZone}). Infinity is {@code MAX}/{@code MIN} of the Java type, both ways (see {@link
 * PgEpoch}).
 */
public final class TimestampCodecs {

  public static final Codec<LocalDateTime> TIMESTAMP = new Timestamp();
  public static final Codec<OffsetDateTime> TIMESTAMPTZ = new Timestamptz();

  private TimestampCodecs() {}

  private static final class Timestamp extends BaseCodec<LocalDateTime> {

    Timestamp() {
      super(Oids.TIMESTAMP, "timestamp", LocalDateTime.class);
    }

    @Override
    public LocalDateTime decodeText(byte[] bytes, int offset, int length) {
      return PgEpoch.toLocalDateTime(
          DateTimeText.parseTimestamp(bytes, offset, length, "timestamp", false));
    }

    @Override
    public LocalDateTime decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("timestamp", 8, length);
      return PgEpoch.toLocalDateTime(BigEndian.int64(bytes, offset));
    }

    @Override
    public void encodeBinary(LocalDateTime value, BinaryOutput out) {
      out.writeInt64(PgEpoch.micros(value));
    }

    @Override
    public String encodeText(LocalDateTime value) {
      return DateTimeText.timestamp(PgEpoch.micros(value), false);
    }
  }

  /**
   * timestamptz decoded as {@link #TIMESTAMPTZ} does, rendered as text in {@code zone} as the
   * server renders it in a session whose TimeZone is that zone.
   */
  static Codec<OffsetDateTime> timestamptzShownIn(ZoneId zone) {
    return new Timestamptz(zone);
  }

  /** Whether {@code codec} is timestamptz's, shown in UTC or in a zone. */
  static boolean isTimestamptz(Codec<?> codec) {
    return codec instanceof Timestamptz;
  }

  private static final class Timestamptz extends BaseCodec<OffsetDateTime> {

    /** The zone text is shown in; null for UTC. */
    private final ZoneId zone;

    Timestamptz() {
      this(null);
    }

    Timestamptz(ZoneId zone) {
      super(Oids.TIMESTAMPTZ, "timestamptz", OffsetDateTime.class);
      this.zone = zone;
    }

    @Override
    public OffsetDateTime decodeText(byte[] bytes, int offset, int length) {
      return PgEpoch.toOffsetDateTime(
          DateTimeText.parseTimestamp(bytes, offset, length, "timestamptz", true));
    }

    @Override
    public OffsetDateTime decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("timestamptz", 8, length);
      return PgEpoch.toOffsetDateTime(BigEndian.int64(bytes, offset));
    }

    @Override
    public void encodeBinary(OffsetDateTime value, BinaryOutput out) {
      out.writeInt64(PgEpoch.micros(value));
    }

    @Override
    public String encodeText(OffsetDateTime value) {
      long micros = PgEpoch.micros(value);
      return zone == null
          ? DateTimeText.timestamp(micros, true)
          : DateTimeText.timestamptz(micros, zone);
    }
  }
}
