package dev.tusk.internal.codec.builtin;

import dev.tusk.types.Codec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reading a binary timestamptz as text the way the server writes it: in the session's TimeZone (the
 * {@code TimeZone} ParameterStatus), as {@code 2024-01-01 05:45:00+05:45}. The binary value is an
 * instant, so the zone only matters for text; these codecs decode exactly as the built-in ones.
 */
public final class SessionTimeZone {

  private SessionTimeZone() {}

  /**
   * The zone the server names {@code timeZone} (an IANA name such as {@code Asia/Kathmandu}, or the
   * POSIX form {@code <+05:45>-05:45} that {@code SET TIME ZONE INTERVAL} reports), or null for
   * UTC, for none and for a name Java's time-zone database does not know.
   */
  public static ZoneId parse(String timeZone) {
    if (timeZone == null) {
      return null;
    }
    ZoneId zone = null;
    try {
      if (timeZone.startsWith("<") && timeZone.indexOf('>') > 1) {
        // The name in angle brackets is the offset as the server shows it; the rest is POSIX's
        // inverted offset, which says the same.
        zone = ZoneOffset.of(timeZone.substring(1, timeZone.indexOf('>')));
      } else {
        zone = ZoneId.of(timeZone);
      }
    } catch (DateTimeException e) {
      return null;
    }
    return zone.normalized().equals(ZoneOffset.UTC) ? null : zone;
  }

  /**
   * {@code codec}, or a copy whose timestamptz parts (alone, array elements, range bounds,
   * multiranges, domains) render text in {@code zone}; the same codec when it has none.
   */
  public static Codec<?> forText(Codec<?> codec, ZoneId zone) {
    if (TimestampCodecs.isTimestamptz(codec)) {
      return TimestampCodecs.timestamptzShownIn(zone);
    }
    return switch (codec) {
      case ArrayCodec array -> {
        Codec<?> element = forText(array.element(), zone);
        yield element == array.element()
            ? array
            : new ArrayCodec(array.oid(), element, array.delimiter());
      }
      case RangeCodec range -> rangeForText(range, zone);
      case MultirangeCodec multirange -> {
        RangeCodec shown = rangeForText(multirange.range(), zone);
        yield shown == multirange.range()
            ? multirange
            : new MultirangeCodec(multirange.oid(), multirange.typeName(), shown);
      }
      case DomainCodec<?> domain -> {
        Codec<?> base = forText(domain.base(), zone);
        yield base == domain.base()
            ? domain
            : DomainCodec.over(domain.oid(), domain.typeName(), base);
      }
      default -> codec;
    };
  }

  private static RangeCodec rangeForText(RangeCodec range, ZoneId zone) {
    Codec<?> element = forText(range.element(), zone);
    return element == range.element()
        ? range
        : new RangeCodec(range.oid(), range.typeName(), element);
  }
}
