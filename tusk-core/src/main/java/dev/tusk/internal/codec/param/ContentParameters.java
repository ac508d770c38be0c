package dev.tusk.internal.codec.param;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.BuiltinRange;
import dev.tusk.internal.codec.builtin.MacAddressCodec;
import dev.tusk.internal.codec.builtin.MultirangeCodec;
import dev.tusk.internal.codec.builtin.RangeCodec;
import dev.tusk.internal.codec.builtin.ValueWriter;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgMacAddress;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters whose PostgreSQL type depends on the value, not only its class: a range or multirange
 * takes its type from its bounds' Java type (Integer bounds make an int4range), a MAC address from
 * its length (6 bytes make a macaddr, 8 a macaddr8).
 */
final class ContentParameters {

  private static final ParameterType MACADDR = macType(MacAddressCodec.MACADDR, Oids.MACADDR_ARRAY);
  private static final ParameterType MACADDR8 =
      macType(MacAddressCodec.MACADDR8, Oids.MACADDR8_ARRAY);

  private final Map<Class<?>, ParameterType> rangeByBound;
  private final Map<Class<?>, ParameterType> multirangeByBound;

  /** Ranges over every scalar type in {@code scalars} that is a built-in range's element. */
  ContentParameters(List<ParameterType> scalars) {
    Map<Class<?>, ParameterType> ranges = new HashMap<>();
    Map<Class<?>, ParameterType> multiranges = new HashMap<>();
    for (ParameterType scalar : scalars) {
      for (BuiltinRange range : BuiltinRange.values()) {
        if (range.element.oid() == scalar.oid()) {
          ranges.put(scalar.javaClass(), rangeType(range, scalar));
          multiranges.put(scalar.javaClass(), multirangeType(range, scalar));
        }
      }
    }
    rangeByBound = Map.copyOf(ranges);
    multirangeByBound = Map.copyOf(multiranges);
  }

  /**
   * How {@code value} is sent, or null if its class is not one of these or, for a range or
   * multirange without bounds, its value does not tell.
   *
   * @throws ProgrammingError if the bounds are of a Java type no built-in range holds
   */
  ParameterType typeOf(Object value) {
    return switch (value) {
      case PgRange<?> range -> byBound(rangeByBound, boundClass(range), "range");
      case PgMultirange<?> multirange ->
          byBound(multirangeByBound, boundClass(multirange), "multirange");
      case PgMacAddress mac -> mac.length() == 6 ? MACADDR : MACADDR8;
      default -> null;
    };
  }

  /** Whether {@code value} is of a class this decides on, even if not for this value. */
  static boolean decides(Object value) {
    return value instanceof PgRange<?>
        || value instanceof PgMultirange<?>
        || value instanceof PgMacAddress;
  }

  private static ParameterType byBound(
      Map<Class<?>, ParameterType> types, Class<?> bound, String kind) {
    if (bound == null) {
      return null;
    }
    ParameterType type = types.get(bound);
    if (type == null) {
      throw new ProgrammingError(
          "cannot send a "
              + kind
              + " whose bounds are of Java type "
              + bound.getName()
              + "; supported bounds: Integer, Long, BigDecimal, LocalDate, LocalDateTime,"
              + " Instant, OffsetDateTime, ZonedDateTime");
    }
    return type;
  }

  /** The class of the first bound of the first range that has one, or null. */
  private static Class<?> boundClass(PgMultirange<?> multirange) {
    for (PgRange<?> range : multirange.ranges()) {
      Class<?> bound = boundClass(range);
      if (bound != null) {
        return bound;
      }
    }
    return null;
  }

  private static Class<?> boundClass(PgRange<?> range) {
    Object bound = range.lower() != null ? range.lower() : range.upper();
    return bound == null ? null : bound.getClass();
  }

  private static ParameterType rangeType(BuiltinRange range, ParameterType bound) {
    return new ParameterType(
        PgRange.class,
        PgRange[].class,
        range.oid,
        range.arrayOid,
        (value, out) -> writeRange((PgRange<?>) value, range, bound, out));
  }

  private static ParameterType multirangeType(BuiltinRange range, ParameterType bound) {
    return new ParameterType(
        PgMultirange.class,
        PgMultirange[].class,
        range.multirangeOid,
        range.multirangeArrayOid,
        (value, out) ->
            MultirangeCodec.write(
                (PgMultirange<?>) value,
                (item, buffer) -> writeRange(item, range, bound, buffer),
                out));
  }

  private static void writeRange(
      PgRange<?> value, BuiltinRange range, ParameterType bound, BinaryOutput out) {
    RangeCodec.write(value, bound.javaClass(), bound.writer(), range.codec.typeName(), out);
  }

  private static ParameterType macType(MacAddressCodec codec, int arrayOid) {
    return new ParameterType(
        PgMacAddress.class, PgMacAddress[].class, codec.oid(), arrayOid, ValueWriter.of(codec));
  }
}
