package dev.tusk.internal.codec;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.BuiltinCodecs;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.internal.codec.convert.Conversions;
import dev.tusk.internal.codec.param.CodecParameter;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.internal.codec.param.ParameterEncoders;
import dev.tusk.types.Codec;
import dev.tusk.types.JsonMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One immutable table of codecs: the built-in ones with a scope's registrations on top. Finds the
 * codec for a type OID and decodes values with it; chooses how Java values are sent as parameters.
 * A registration makes a new table ({@code with...}); {@link TypeScope} publishes it, so readers
 * never lock.
 *
 * <p>Conversions in {@link #decode(Codec, int, byte[], int, int, Class)} are exact or fail: see
 * {@link Conversions}. Reading any type as String gives its text: the server's own text for the
 * text format, and for binary the codec's rendering, which equals the server's output where
 * practical ({@code t}/{@code f} for bool, timestamptz in UTC with {@code +00}).
 */
public final class CodecRegistry {

  /**
   * PostgreSQL assigns every built-in OID below 10000 (FirstGenbkiObjectId); user-defined types
   * start at 16384. Built-ins are found by indexing an array with the OID, one load with no hashing
   * or boxing. The client caches codecs per result column, so this runs once per column rather than
   * per value, but it stays cheap for callers that do not cache. Other OIDs use a map.
   */
  private static final int FLAT_LIMIT = 10_000;

  private static final CodecRegistry DEFAULTS = of(BuiltinCodecs.all());

  private final Codec<?>[] byOid;
  private final Map<Integer, Codec<?>> beyondFlat;
  private final Map<String, IntFunction<? extends Codec<?>>> byName;
  private final Map<Class<?>, Codec<?>> parameterCodecs;
  private final Map<Class<?>, String> parameterTypes;
  private final JsonMapper jsonMapper;
  private final Map<String, Codec<?>> byTypeName;

  private CodecRegistry(
      Codec<?>[] byOid,
      Map<Integer, Codec<?>> beyondFlat,
      Map<String, IntFunction<? extends Codec<?>>> byName,
      Map<Class<?>, Codec<?>> parameterCodecs,
      Map<Class<?>, String> parameterTypes,
      JsonMapper jsonMapper) {
    this.byOid = byOid;
    this.beyondFlat = Map.copyOf(beyondFlat);
    this.byName = Map.copyOf(byName);
    this.parameterCodecs = Map.copyOf(parameterCodecs);
    this.parameterTypes = Map.copyOf(parameterTypes);
    this.jsonMapper = jsonMapper;
    Map<String, Codec<?>> names = new HashMap<>();
    for (Codec<?> codec : byOid) {
      if (codec != null) {
        names.put(codec.typeName(), codec);
      }
    }
    this.beyondFlat.values().forEach(codec -> names.put(codec.typeName(), codec));
    this.byTypeName = Map.copyOf(names);
  }

  private static CodecRegistry of(List<Codec<?>> codecs) {
    CodecRegistry registry =
        new CodecRegistry(new Codec<?>[0], Map.of(), Map.of(), Map.of(), Map.of(), null);
    for (Codec<?> codec : codecs) {
      registry = registry.with(codec);
    }
    return registry;
  }

  /** The shared immutable registry with the built-in codecs. */
  public static CodecRegistry defaults() {
    return DEFAULTS;
  }

  /**
   * This table with {@code codec} for its OID, replacing any codec there; the built-in array type
   * of that OID, if any, then has {@code codec} for its elements.
   */
  CodecRegistry with(Codec<?> codec) {
    int oid = codec.oid();
    boolean inFlat = oid >= 0 && oid < FLAT_LIMIT;
    Codec<?>[] flat = Arrays.copyOf(byOid, inFlat ? Math.max(byOid.length, oid + 1) : byOid.length);
    Map<Integer, Codec<?>> others = new HashMap<>(beyondFlat);
    put(flat, others, codec);
    for (Codec<?> known : byOid) {
      if (known instanceof ArrayCodec array && array.element().oid() == oid) {
        put(flat, others, new ArrayCodec(array.oid(), codec));
      }
    }
    return new CodecRegistry(flat, others, byName, parameterCodecs, parameterTypes, jsonMapper);
  }

  private static void put(Codec<?>[] flat, Map<Integer, Codec<?>> others, Codec<?> codec) {
    if (codec.oid() >= 0 && codec.oid() < FLAT_LIMIT) {
      flat[codec.oid()] = codec;
    } else {
      others.put(codec.oid(), codec);
    }
  }

  /**
   * This table with {@code factory} for the type named {@code typeName}: at once for a name this
   * table knows (a built-in type), else once a catalog describes a type of that name.
   */
  CodecRegistry withNamed(String typeName, IntFunction<? extends Codec<?>> factory) {
    Codec<?> known = findByName(typeName);
    if (known != null) {
      return with(factory.apply(known.oid()));
    }
    Map<String, IntFunction<? extends Codec<?>>> names = new HashMap<>(byName);
    names.put(typeName, factory);
    return new CodecRegistry(byOid, beyondFlat, names, parameterCodecs, parameterTypes, jsonMapper);
  }

  /** This table sending values of exactly {@code javaClass} through {@code codec}. */
  CodecRegistry withParameter(Class<?> javaClass, Codec<?> codec) {
    Map<Class<?>, Codec<?>> codecs = new HashMap<>(parameterCodecs);
    codecs.put(javaClass, codec);
    Map<Class<?>, String> types = new HashMap<>(parameterTypes);
    types.remove(javaClass);
    return new CodecRegistry(byOid, beyondFlat, byName, codecs, types, jsonMapper);
  }

  /** This table sending values of exactly {@code javaClass} as the type named {@code typeName}. */
  CodecRegistry withParameter(Class<?> javaClass, String typeName) {
    Map<Class<?>, Codec<?>> codecs = new HashMap<>(parameterCodecs);
    codecs.remove(javaClass);
    Map<Class<?>, String> types = new HashMap<>(parameterTypes);
    types.put(javaClass, typeName);
    return new CodecRegistry(byOid, beyondFlat, byName, codecs, types, jsonMapper);
  }

  /** This table with {@code mapper} (or none, if null) for JSON. */
  CodecRegistry withJsonMapper(JsonMapper mapper) {
    return new CodecRegistry(byOid, beyondFlat, byName, parameterCodecs, parameterTypes, mapper);
  }

  /** The codec registered for this OID, or null. */
  public Codec<?> find(int oid) {
    return oid >= 0 && oid < byOid.length ? byOid[oid] : beyondFlat.get(oid);
  }

  /**
   * Whether every one of these types has a codec in this table itself, so that what was decided
   * from their codecs holds for as long as the table is the scope's (a type found through the
   * catalog may be learned again after a refresh).
   */
  public boolean findsAll(int[] oids) {
    for (int oid : oids) {
      if (find(oid) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The codec for a type. Never null: an unknown OID gets a text-only codec that decodes to the
   * server's text as a String and is named {@code oid:<oid>} (a new one per call: callers cache
   * codecs per column).
   */
  public Codec<?> forOid(int oid) {
    Codec<?> codec = find(oid);
    return codec != null ? codec : TextCodec.unknownType(oid);
  }

  /** The codec this table has under the name {@code typeName} (as pg_type spells it), or null. */
  Codec<?> findByName(String typeName) {
    return byTypeName.get(typeName);
  }

  /**
   * The factory registered for a catalog type named {@code name} in schema {@code schema}: under
   * its qualified name, else under its bare name; or null.
   */
  IntFunction<? extends Codec<?>> factoryFor(String schema, String name) {
    IntFunction<? extends Codec<?>> qualified = byName.get(schema + "." + name);
    return qualified != null ? qualified : byName.get(name);
  }

  /** The JSON mapper, or null. */
  JsonMapper jsonMapper() {
    return jsonMapper;
  }

  /** Whether values of this type can be received and sent in binary. */
  public boolean hasBinary(int oid) {
    return forOid(oid).hasBinary();
  }

  /** The type's name: {@code int4}, {@code text}, {@code int4[]}, or {@code oid:12345}. */
  public String typeName(int oid) {
    return forOid(oid).typeName();
  }

  /**
   * Decodes a non-NULL value to the codec's default Java type. {@code format} 0 is text, 1 is
   * binary.
   */
  public Object decode(int oid, int format, byte[] bytes, int offset, int length) {
    return forOid(oid).decode(format, bytes, offset, length);
  }

  /** Like {@link #decode(Codec, int, byte[], int, int, Class)} with this table's codec for oid. */
  public <R> R decode(int oid, int format, byte[] bytes, int offset, int length, Class<R> target) {
    return decode(forOid(oid), format, bytes, offset, length, target);
  }

  /**
   * Decodes a non-NULL value with {@code codec} to {@code target}: the default type or a supertype
   * of it as decoded, String as text, other types by an exact conversion (primitive classes mean
   * their wrappers), Java enums from enum labels, Java records from composites, and any class from
   * json or jsonb through the JSON mapper.
   *
   * @throws ProgrammingError if the type never converts to {@code target}, naming both
   * @throws dev.tusk.errors.DataError if this value does not fit {@code target}
   */
  public <R> R decode(
      Codec<?> codec, int format, byte[] bytes, int offset, int length, Class<R> target) {
    Class<?> wanted = Conversions.boxed(target);
    Object value;
    if (wanted.isAssignableFrom(codec.javaType())) {
      value = codec.decode(format, bytes, offset, length);
    } else if (wanted == String.class && format == 0) {
      value = TextCodec.TEXT.decodeText(bytes, offset, length);
    } else {
      value =
          Conversions.convert(
              codec.decodeForConversion(format, bytes, offset, length), codec, wanted, jsonMapper);
    }
    @SuppressWarnings("unchecked") // wanted is target or its wrapper, and value is a wanted
    R result = (R) value;
    return result;
  }

  /** How to send {@code value} (not null) as a parameter when its class was registered, or null. */
  ParameterEncoder registeredEncoder(Object value) {
    return registeredEncoder(value.getClass());
  }

  /** How to send values of exactly {@code javaClass} when the class was registered, or null. */
  ParameterEncoder registeredEncoder(Class<?> javaClass) {
    Codec<?> codec = parameterCodecs.get(javaClass);
    return codec == null ? null : CodecParameter.of(codec);
  }

  /** The type name values of this exact class are registered to be sent as, or null. */
  String registeredTypeName(Class<?> javaClass) {
    return parameterTypes.get(javaClass);
  }

  /**
   * How to send {@code value} (not null) as a parameter: through a codec registered for its class;
   * else binary with the exact OID for every type with a binary codec; String, Character and enum
   * constants as text with OID 0 so that the server infers the type; arrays and Lists as arrays of
   * their element type.
   *
   * @throws ProgrammingError if values of this Java type cannot be sent, listing those that can
   */
  public ParameterEncoder encoderFor(Object value) {
    ParameterEncoder registered = registeredEncoder(value);
    return registered != null ? registered : ParameterEncoders.encoderFor(value);
  }
}
