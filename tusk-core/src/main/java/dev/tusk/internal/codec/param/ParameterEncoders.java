package dev.tusk.internal.codec.param;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayShape;
import dev.tusk.internal.codec.builtin.BitStringCodec;
import dev.tusk.internal.codec.builtin.BooleanCodec;
import dev.tusk.internal.codec.builtin.ByteaCodec;
import dev.tusk.internal.codec.builtin.DateCodec;
import dev.tusk.internal.codec.builtin.FloatCodecs;
import dev.tusk.internal.codec.builtin.GeometricCodecs;
import dev.tusk.internal.codec.builtin.InetCodec;
import dev.tusk.internal.codec.builtin.IntegerCodecs;
import dev.tusk.internal.codec.builtin.IntervalCodec;
import dev.tusk.internal.codec.builtin.JsonCodec;
import dev.tusk.internal.codec.builtin.LsnCodec;
import dev.tusk.internal.codec.builtin.NumericCodec;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.internal.codec.builtin.TimeCodecs;
import dev.tusk.internal.codec.builtin.TimestampCodecs;
import dev.tusk.internal.codec.builtin.UuidCodec;
import dev.tusk.internal.codec.builtin.ValueWriter;
import dev.tusk.internal.codec.text.PgEpoch;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Chooses how a Java value is sent as a parameter. Every type with a binary codec goes in binary
 * with its exact OID; Strings, Characters and enums go as text with OID 0, so that the server
 * infers their type from the statement (a String may be meant for a json, enum or date column).
 * Lookups are by exact class in a map built once.
 */
public final class ParameterEncoders {

  private static final String SUPPORTED =
      "Boolean, Short, Integer, Long, Float, Double, BigDecimal, BigInteger, String, Character,"
          + " enums, byte[], ByteBuffer, UUID, LocalDate, LocalTime, OffsetTime, LocalDateTime,"
          + " OffsetDateTime, ZonedDateTime, Instant, PgInterval, Duration, Period, InetAddress, PgInet,"
          + " PgMacAddress, PgPoint, PgLine, PgLineSegment, PgBox, PgPath, PgPolygon, PgCircle,"
          + " PgBitString, PgLsn, PgRange, PgMultirange, Map (as jsonb), arrays and Lists of those,"
          + " and int[],"
          + " long[], short[], float[], double[], boolean[]";

  private static final List<ParameterType> TYPES =
      List.of(
          codecType(Boolean.class, Boolean[].class, BooleanCodec.INSTANCE, Oids.BOOL_ARRAY),
          codecType(Short.class, Short[].class, IntegerCodecs.INT2, Oids.INT2_ARRAY),
          codecType(Integer.class, Integer[].class, IntegerCodecs.INT4, Oids.INT4_ARRAY),
          codecType(Long.class, Long[].class, IntegerCodecs.INT8, Oids.INT8_ARRAY),
          codecType(Float.class, Float[].class, FloatCodecs.FLOAT4, Oids.FLOAT4_ARRAY),
          codecType(Double.class, Double[].class, FloatCodecs.FLOAT8, Oids.FLOAT8_ARRAY),
          numeric(BigDecimal.class, BigDecimal[].class),
          numeric(BigInteger.class, BigInteger[].class),
          codecType(String.class, String[].class, TextCodec.TEXT, Oids.TEXT_ARRAY),
          new ParameterType(
              Character.class,
              Character[].class,
              Oids.TEXT,
              Oids.TEXT_ARRAY,
              (value, out) -> TextCodec.TEXT.encodeBinary(value.toString(), out)),
          codecType(byte[].class, byte[][].class, ByteaCodec.INSTANCE, Oids.BYTEA_ARRAY),
          codecType(UUID.class, UUID[].class, UuidCodec.INSTANCE, Oids.UUID_ARRAY),
          codecType(LocalDate.class, LocalDate[].class, DateCodec.INSTANCE, Oids.DATE_ARRAY),
          codecType(LocalTime.class, LocalTime[].class, TimeCodecs.TIME, Oids.TIME_ARRAY),
          codecType(OffsetTime.class, OffsetTime[].class, TimeCodecs.TIMETZ, Oids.TIMETZ_ARRAY),
          codecType(
              LocalDateTime.class,
              LocalDateTime[].class,
              TimestampCodecs.TIMESTAMP,
              Oids.TIMESTAMP_ARRAY),
          codecType(
              OffsetDateTime.class,
              OffsetDateTime[].class,
              TimestampCodecs.TIMESTAMPTZ,
              Oids.TIMESTAMPTZ_ARRAY),
          timestamptz(Instant.class, Instant[].class, value -> PgEpoch.micros((Instant) value)),
          timestamptz(
              ZonedDateTime.class,
              ZonedDateTime[].class,
              value -> PgEpoch.micros((ZonedDateTime) value)),
          codecType(
              PgInterval.class, PgInterval[].class, IntervalCodec.INSTANCE, Oids.INTERVAL_ARRAY),
          new ParameterType(
              Duration.class,
              Duration[].class,
              Oids.INTERVAL,
              Oids.INTERVAL_ARRAY,
              (value, out) ->
                  IntervalCodec.INSTANCE.encodeBinary(PgInterval.of((Duration) value), out)),
          new ParameterType(
              Period.class,
              Period[].class,
              Oids.INTERVAL,
              Oids.INTERVAL_ARRAY,
              (value, out) ->
                  IntervalCodec.INSTANCE.encodeBinary(PgInterval.of((Period) value), out)),
          codecType(PgInet.class, PgInet[].class, InetCodec.INET, Oids.INET_ARRAY),
          new ParameterType(
              InetAddress.class,
              InetAddress[].class,
              Oids.INET,
              Oids.INET_ARRAY,
              (value, out) -> InetCodec.INET.encodeBinary(PgInet.of((InetAddress) value), out)),
          codecType(PgPoint.class, PgPoint[].class, GeometricCodecs.POINT, Oids.POINT_ARRAY),
          codecType(PgLine.class, PgLine[].class, GeometricCodecs.LINE, Oids.LINE_ARRAY),
          codecType(
              PgLineSegment.class, PgLineSegment[].class, GeometricCodecs.LSEG, Oids.LSEG_ARRAY),
          codecType(PgBox.class, PgBox[].class, GeometricCodecs.BOX, Oids.BOX_ARRAY),
          codecType(PgPath.class, PgPath[].class, GeometricCodecs.PATH, Oids.PATH_ARRAY),
          codecType(
              PgPolygon.class, PgPolygon[].class, GeometricCodecs.POLYGON, Oids.POLYGON_ARRAY),
          codecType(PgCircle.class, PgCircle[].class, GeometricCodecs.CIRCLE, Oids.CIRCLE_ARRAY),
          codecType(
              PgBitString.class, PgBitString[].class, BitStringCodec.VARBIT, Oids.VARBIT_ARRAY),
          codecType(PgLsn.class, PgLsn[].class, LsnCodec.INSTANCE, Oids.PG_LSN_ARRAY));

  /** InetAddress values are instances of these: they are sent as InetAddress is. */
  private static final List<Class<?>> INET_ADDRESS_CLASSES =
      List.of(Inet4Address.class, Inet6Address.class);

  /** Ranges, multiranges and MAC addresses, whose type depends on the value. */
  private static final ContentParameters BY_CONTENT = new ContentParameters(TYPES);

  private static final ParameterEncoder TEXT = new TextValue();

  /** A Map is a JSON object, sent as jsonb by the built-in JSON writer. */
  private static final ParameterType JSON_OBJECT =
      new ParameterType(
          Map.class, Map[].class, Oids.JSONB, Oids.JSONB_ARRAY, ValueWriter.of(JsonCodec.JSONB));

  /** ByteBuffer's classes are the JDK's own (heap, direct, read-only): matched by type. */
  private static final ParameterEncoder BYTE_BUFFER =
      new BinaryValue(
          new ParameterType(
              ByteBuffer.class,
              ByteBuffer[].class,
              Oids.BYTEA,
              Oids.BYTEA_ARRAY,
              (value, out) -> ByteaCodec.writeRemaining((ByteBuffer) value, out)));

  /** By the class of an element: how a List or Object[] of such elements is sent. */
  private static final Map<Class<?>, ParameterEncoder> ARRAY_BY_ELEMENT = arrayByElement();

  /** By exact class: scalars, their arrays, and primitive arrays. */
  private static final Map<Class<?>, ParameterEncoder> BY_CLASS = byClass();

  private ParameterEncoders() {}

  /**
   * The encoder for every value of exactly {@code javaClass}, when the class alone decides it; null
   * when the value's content decides (Lists, arrays of objects, Maps, enums, ranges...).
   */
  public static ParameterEncoder byClass(Class<?> javaClass) {
    return BY_CLASS.get(javaClass);
  }

  /**
   * The encoder for a non-null value.
   *
   * @throws ProgrammingError if values of its Java type cannot be sent
   */
  public static ParameterEncoder encoderFor(Object value) {
    ParameterEncoder encoder = BY_CLASS.get(value.getClass());
    if (encoder != null) {
      return encoder;
    }
    return switch (value) {
      case Enum<?> constant -> TEXT;
      case ByteBuffer buffer -> BYTE_BUFFER;
      case Map<?, ?> map -> new BinaryValue(JSON_OBJECT);
      case List<?> list -> forElements(list, value);
      case Object[] array -> forElements(Arrays.asList(array), value);
      default -> byContent(value);
    };
  }

  /**
   * A range, multirange or MAC address in binary as the type its content gives; a range or
   * multirange without bounds (empty, or unbounded on both sides) as text with OID 0, since nothing
   * tells its type.
   */
  private static ParameterEncoder byContent(Object value) {
    if (!ContentParameters.decides(value)) {
      throw new ProgrammingError(
          "cannot send a value of Java type "
              + value.getClass().getName()
              + "; supported: "
              + SUPPORTED
              + (value instanceof Record
                  ? "; send a record as a composite type with Param.of(value, \"type_name\")"
                  : ""));
    }
    ParameterType type = BY_CONTENT.typeOf(value);
    return type == null ? TEXT : new BinaryValue(type);
  }

  /** Arrays of ranges, multiranges or MAC addresses: typed by the first element that tells. */
  private static ParameterEncoder arrayByContent(List<?> items) {
    for (Object item : items) {
      ParameterType type = item == null ? null : BY_CONTENT.typeOf(item);
      if (type != null) {
        return new ArrayParameters.BinaryArray(type);
      }
    }
    return ArrayParameters.TextArray.INSTANCE;
  }

  /**
   * The array encoder for elements like the first non-NULL one (at the innermost level of a
   * multi-dimensional array); text with OID 0 if none.
   */
  private static ParameterEncoder forElements(List<?> items, Object value) {
    Object first = ArrayShape.firstElement(items);
    if (first == null || first instanceof Enum<?>) {
      return ArrayParameters.TextArray.INSTANCE;
    }
    if (ContentParameters.decides(first)) {
      return arrayByContent(items);
    }
    if (first instanceof Map<?, ?>) {
      return new ArrayParameters.BinaryArray(JSON_OBJECT);
    }
    ParameterEncoder encoder = ARRAY_BY_ELEMENT.get(first.getClass());
    if (encoder == null) {
      throw new ProgrammingError(
          "cannot send a "
              + value.getClass().getSimpleName()
              + " whose elements are of Java type "
              + first.getClass().getName()
              + "; supported: "
              + SUPPORTED);
    }
    return encoder;
  }

  private static Map<Class<?>, ParameterEncoder> byClass() {
    Map<Class<?>, ParameterEncoder> encoders = new HashMap<>();
    for (ParameterType type : TYPES) {
      encoders.put(type.javaClass(), new BinaryValue(type));
      encoders.put(type.arrayClass(), ARRAY_BY_ELEMENT.get(type.javaClass()));
    }
    for (Class<?> address : INET_ADDRESS_CLASSES) {
      encoders.put(address, encoders.get(InetAddress.class));
    }
    encoders.put(String.class, TEXT);
    encoders.put(Character.class, TEXT);
    for (ArrayParameters.PrimitiveArray primitive : ArrayParameters.PrimitiveArray.values()) {
      encoders.put(primitive.arrayClass(), primitive);
    }
    return Map.copyOf(encoders);
  }

  private static Map<Class<?>, ParameterEncoder> arrayByElement() {
    Map<Class<?>, ParameterEncoder> encoders = new HashMap<>();
    for (ParameterType type : TYPES) {
      encoders.put(type.javaClass(), new ArrayParameters.BinaryArray(type));
    }
    for (Class<?> address : INET_ADDRESS_CLASSES) {
      encoders.put(address, encoders.get(InetAddress.class));
    }
    return Map.copyOf(encoders);
  }

  private static <T> ParameterType codecType(
      Class<T> javaClass, Class<?> arrayClass, Codec<T> codec, int arrayOid) {
    return new ParameterType(javaClass, arrayClass, codec.oid(), arrayOid, ValueWriter.of(codec));
  }

  /** A Number class sent as numeric, which the numeric codec writes exactly. */
  private static ParameterType numeric(Class<? extends Number> javaClass, Class<?> arrayClass) {
    return new ParameterType(
        javaClass,
        arrayClass,
        Oids.NUMERIC,
        Oids.NUMERIC_ARRAY,
        ValueWriter.of(NumericCodec.INSTANCE));
  }

  private static ParameterType timestamptz(
      Class<?> javaClass, Class<?> arrayClass, ToLongFunction<Object> micros) {
    return new ParameterType(
        javaClass,
        arrayClass,
        Oids.TIMESTAMPTZ,
        Oids.TIMESTAMPTZ_ARRAY,
        (value, out) -> out.writeInt64(micros.applyAsLong(value)));
  }

  /** A value in binary with its type's exact OID. */
  private record BinaryValue(ParameterType type) implements BinaryParameter {

    @Override
    public int oid() {
      return type.oid();
    }

    @Override
    public void writeBinary(Object value, BinaryOutput out) {
      type.writer().write(value, out);
    }
  }

  /**
   * A String, Character, enum constant (its name), or range or multirange without bounds as text
   * with OID 0, so the server infers the type from the statement.
   */
  private record TextValue() implements TextParameter {

    @Override
    public String text(Object value) {
      String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
      return TextCodec.requireNoNul(text, "text");
    }
  }
}
