package dev.tusk.internal.codec.convert;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.CompositeCodec;
import dev.tusk.internal.codec.builtin.DomainCodec;
import dev.tusk.internal.codec.builtin.ValueText;
import dev.tusk.internal.codec.text.InetText;
import dev.tusk.internal.codec.text.JsonText;
import dev.tusk.internal.codec.text.PgEpoch;
import dev.tusk.types.Codec;
import dev.tusk.types.Json;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Oids;
import dev.tusk.types.PgBitString;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgInterval;
import dev.tusk.types.PgLsn;
import dev.tusk.types.PgRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Converts a decoded value to a Java type other than its codec's default, only where the result is
 * exact: integers within range, numeric values that a Double or Long holds without loss,
 * timestamptz as Instant or ZonedDateTime, interval as Duration or Period, arrays as Java arrays
 * (see {@link ArrayTargets}), a host's inet as InetAddress, bit strings as BitSet or boolean[],
 * pg_lsn as Long, and anything as its text. Anything else is a ProgrammingError naming both types;
 * a value that does not fit the requested type is a DataError naming the value and the type.
 */
public final class Conversions {

  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          short.class, Short.class,
          int.class, Integer.class,
          long.class, Long.class,
          float.class, Float.class,
          double.class, Double.class,
          byte.class, Byte.class,
          char.class, Character.class);

  private Conversions() {}

  /** The wrapper class for a primitive class; any other class as it is. */
  public static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? BOXES.get(type) : type;
  }

  /**
   * Converts {@code value}, decoded by {@code codec} (with {@link Codec#decodeForConversion}), to
   * {@code target}, a non-primitive class.
   */
  public static Object convert(Object value, Codec<?> codec, Class<?> target) {
    return convert(value, codec, target, null);
  }

  /**
   * Like {@link #convert(Object, Codec, Class)}, and json or jsonb to any class through {@code
   * mapper} when it is not null.
   */
  public static Object convert(
      Object value, Codec<?> declared, Class<?> target, JsonMapper mapper) {
    // A domain converts as its base type.
    Codec<?> codec = DomainCodec.underlying(declared);
    if (target.isInstance(value)) {
      return value;
    }
    if (target == String.class) {
      return ValueText.of(value, codec);
    }
    Object converted;
    if (value instanceof PgRecord record && codec instanceof CompositeCodec composite) {
      converted = RecordConversion.toJava(record, composite, target, mapper);
    } else if (value instanceof Json json && isJson(codec)) {
      converted = fromJson(json.text(), codec, target, mapper);
    } else if (value instanceof String label && target.isEnum()) {
      converted = enumConstant(label, codec, target);
    } else if (value instanceof List<?> list) {
      converted = codec instanceof ArrayCodec array ? toArray(list, array, target, mapper) : null;
    } else if (value instanceof Double special && codec.oid() == Oids.NUMERIC) {
      converted = fromNumericSpecial(special, codec, target);
    } else {
      converted =
          switch (value) {
            case Short number -> fromInteger(number, codec, target);
            case Integer number -> fromInteger(number, codec, target);
            case Long number -> fromInteger(number, codec, target);
            case BigDecimal number -> fromNumeric(number, codec, target);
            case Double number -> fromFloat(number, false, codec, target);
            case Float number -> fromFloat(number, true, codec, target);
            case OffsetDateTime timestamp -> fromTimestamptz(timestamp, target);
            case PgInet inet -> fromInet(inet, codec, target);
            case PgBitString bits -> fromBitString(bits, target);
            case PgLsn lsn -> fromLsn(lsn, target);
            case PgInterval interval -> fromInterval(interval, target);
            case byte[] bytes -> fromBytea(bytes, target);
            default -> null;
          };
    }
    if (converted == null) {
      throw cannotRead(codec, target, mapper);
    }
    return converted;
  }

  /**
   * A one-dimensional array as a Java array: the element types {@link ArrayTargets} knows, or
   * arrays of Java enums or records (user-defined enums and composites).
   */
  private static Object toArray(
      List<?> list, ArrayCodec codec, Class<?> target, JsonMapper mapper) {
    Object known = ArrayTargets.convert(list, codec, target);
    Class<?> component = target.getComponentType();
    if (known != null || component == null || !(component.isEnum() || component.isRecord())) {
      return known;
    }
    Object array = Array.newInstance(component, list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      Array.set(array, i, item == null ? null : convert(item, codec.element(), component, mapper));
    }
    return array;
  }

  private static boolean isJson(Codec<?> codec) {
    return codec.oid() == Oids.JSON || codec.oid() == Oids.JSONB;
  }

  /** The classes the built-in JSON reader gives, which it reads whether or not a mapper is set. */
  private static final List<Class<?>> NATURAL_JSON =
      List.of(Map.class, List.class, Number.class, Boolean.class);

  /**
   * JSON text as a Map, List, Number or Boolean by the built-in reader (a DataError if the value is
   * another kind), or as any other class through the mapper.
   */
  private static Object fromJson(String text, Codec<?> codec, Class<?> target, JsonMapper mapper) {
    if (NATURAL_JSON.contains(target)) {
      Object value = JsonText.parse(text);
      if (!target.isInstance(value)) {
        throw new DataError(
            codec.typeName()
                + " value "
                + abbreviated(text)
                + " does not read as "
                + target.getName());
      }
      return value;
    }
    if (mapper == null) {
      return null;
    }
    Object mapped;
    try {
      mapped = mapper.read(text, target);
    } catch (RuntimeException e) {
      throw new DataError(
          "the JsonMapper failed to read a "
              + codec.typeName()
              + " value as "
              + target.getName()
              + ": "
              + e,
          e);
    }
    if (mapped == null || !target.isInstance(mapped)) {
      throw new DataError(
          "the JsonMapper read a "
              + codec.typeName()
              + " value as "
              + (mapped == null ? "null" : mapped.getClass().getName())
              + ", not as the "
              + target.getName()
              + " asked for");
    }
    return mapped;
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** An enum label as the Java enum constant of the same name. */
  private static Object enumConstant(String label, Codec<?> codec, Class<?> target) {
    for (Object constant : target.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(label)) {
        return constant;
      }
    }
    throw new DataError(
        codec.typeName()
            + " value '"
            + label
            + "' has no constant of that name in "
            + target.getName());
  }

  /** The ProgrammingError for a Java type that a PostgreSQL type never converts to. */
  static ProgrammingError cannotRead(Codec<?> codec, Class<?> target) {
    return cannotRead(codec, target, null);
  }

  private static ProgrammingError cannotRead(Codec<?> codec, Class<?> target, JsonMapper mapper) {
    String hint =
        isJson(codec) && mapper == null
            ? "; JSON reads as Map, List, String, Number, Boolean or Json; register a JsonMapper"
                + " to read it as other classes"
            : "";
    return new ProgrammingError(
        "cannot read a value of type " + codec.typeName() + " as " + target.getName() + hint);
  }

  private static Object fromInteger(long value, Codec<?> codec, Class<?> target) {
    if (target == Long.class) {
      return value;
    }
    if (target == Integer.class && value == (int) value) {
      return (int) value;
    }
    if (target == Short.class && value == (short) value) {
      return (short) value;
    }
    if (target == BigInteger.class) {
      return BigInteger.valueOf(value);
    }
    if (target == BigDecimal.class) {
      return BigDecimal.valueOf(value);
    }
    // 2^63 converts back to Long.MAX_VALUE by saturation, so it is excluded explicitly.
    double asDouble = value;
    if (target == Double.class && (long) asDouble == value && asDouble != 0x1p63) {
      return asDouble;
    }
    float asFloat = value;
    if (target == Float.class && (long) asFloat == value && asFloat != 0x1p63f) {
      return asFloat;
    }
    if (target == Integer.class || target == Short.class) {
      throw new DataError(
          codec.typeName() + " value " + value + " is out of range for " + target.getName());
    }
    if (target == Double.class || target == Float.class) {
      throw notExact(value, codec, target);
    }
    return null;
  }

  /**
   * numeric to a Double or Float only when that reads back as the same decimal (its shortest form
   * compares equal), to integer types only when there is no fraction and it is in range.
   */
  private static Object fromNumeric(BigDecimal value, Codec<?> codec, Class<?> target) {
    try {
      if (target == Long.class) {
        return value.longValueExact();
      }
      if (target == Integer.class) {
        return value.intValueExact();
      }
      if (target == Short.class) {
        return value.shortValueExact();
      }
      if (target == BigInteger.class) {
        return value.toBigIntegerExact();
      }
    } catch (ArithmeticException e) {
      throw notExact(value.toPlainString(), codec, target);
    }
    if (target == Double.class) {
      double asDouble = value.doubleValue();
      if (Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).compareTo(value) == 0) {
        return asDouble;
      }
      throw notExact(value.toPlainString(), codec, target);
    }
    if (target == Float.class) {
      float asFloat = value.floatValue();
      if (Float.isFinite(asFloat)
          && new BigDecimal(Float.toString(asFloat)).compareTo(value) == 0) {
        return asFloat;
      }
      throw notExact(value.toPlainString(), codec, target);
    }
    return null;
  }

  /** numeric NaN and infinities, which only floating-point types can hold. */
  private static Object fromNumericSpecial(Double value, Codec<?> codec, Class<?> target) {
    if (target == Float.class) {
      return value.floatValue();
    }
    if (target == Short.class
        || target == Integer.class
        || target == Long.class
        || target == BigInteger.class
        || target == BigDecimal.class) {
      throw new DataError(
          codec.typeName()
              + " value "
              + value
              + " cannot be represented as "
              + target.getName()
              + "; read it as Double instead");
    }
    return null;
  }

  /** float to Double always, to Float when it rounds to nothing, to BigDecimal when finite. */
  private static Object fromFloat(double value, boolean single, Codec<?> codec, Class<?> target) {
    if (target == Double.class) {
      return value;
    }
    if (target == Float.class) {
      if ((float) value == value || Double.isNaN(value)) {
        return (float) value;
      }
      throw notExact(value, codec, target);
    }
    if (target == BigDecimal.class) {
      if (!Double.isFinite(value)) {
        throw notExact(value, codec, target);
      }
      // The shortest decimal, which is what the server shows: 0.1, not 0.1000000000000000055...
      return single ? new BigDecimal(Float.toString((float) value)) : BigDecimal.valueOf(value);
    }
    return null;
  }

  /**
   * timestamptz as an Instant or a ZonedDateTime in UTC; infinity as Instant.MAX/MIN and {@code
   * ZonedDateTime.of(LocalDateTime.MAX/MIN, UTC)}.
   */
  private static Object fromTimestamptz(OffsetDateTime value, Class<?> target) {
    boolean infinity = value.equals(OffsetDateTime.MAX);
    boolean negativeInfinity = value.equals(OffsetDateTime.MIN);
    if (target == Instant.class) {
      return infinity ? Instant.MAX : negativeInfinity ? Instant.MIN : value.toInstant();
    }
    if (target == ZonedDateTime.class) {
      return infinity
          ? PgEpoch.ZONED_MAX
          : negativeInfinity ? PgEpoch.ZONED_MIN : value.toZonedDateTime();
    }
    return null;
  }

  /**
   * interval as a Duration (no months; a day counts 24 hours) or a Period (no time part); a
   * DataError naming the type that holds it otherwise.
   */
  private static Object fromInterval(PgInterval value, Class<?> target) {
    if (target == Duration.class) {
      return value.toDuration();
    }
    return target == Period.class ? value.toPeriod() : null;
  }

  /** inet or cidr as an InetAddress (or its subclass) only when the prefix covers the address. */
  private static Object fromInet(PgInet value, Codec<?> codec, Class<?> target) {
    if (!InetAddress.class.isAssignableFrom(target)) {
      return null;
    }
    if (!value.isHost()) {
      throw new DataError(
          codec.typeName()
              + " value "
              + ValueText.of(value, codec)
              + " is a network with a prefix length, which an InetAddress cannot hold;"
              + " read it as PgInet");
    }
    if (!target.isInstance(value.address())) {
      throw notExact(InetText.render(value.address()), codec, target);
    }
    return value.address();
  }

  /** bit and varbit as a BitSet (bit 0 first, without the length) or a boolean[]. */
  private static Object fromBitString(PgBitString value, Class<?> target) {
    if (target == BitSet.class) {
      return value.toBitSet();
    }
    return target == boolean[].class ? value.toBooleanArray() : null;
  }

  /**
   * bytea as a ByteBuffer or an InputStream over the value (read-only; the value itself is already
   * in memory, decoded from its row).
   */
  private static Object fromBytea(byte[] bytes, Class<?> target) {
    if (target == ByteBuffer.class) {
      return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
    if (target == InputStream.class) {
      return new ByteArrayInputStream(bytes);
    }
    return null;
  }

  private static Object fromLsn(PgLsn value, Class<?> target) {
    if (target != Long.class) {
      return null;
    }
    if (value.value() < 0) {
      throw new DataError("pg_lsn value " + value + " is out of range for java.lang.Long");
    }
    return value.value();
  }

  private static DataError notExact(Object value, Codec<?> codec, Class<?> target) {
    return new DataError(
        codec.typeName()
            + " value "
            + value
            + " cannot be represented exactly as "
            + target.getName());
  }
}
