package dev.tusk.internal.codec;

import dev.tusk.errors.ProgrammingError;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the codec for a type OID and decodes values with it; chooses how Java values are sent as
 * parameters. Immutable and shared.
 *
 * <p>Conversions in {@link #decode(int, int, byte[], int, int, Class)} are exact or fail: see
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

  private static final CodecRegistry DEFAULTS = new CodecRegistry(BuiltinCodecs.all());

  private final Codec<?>[] byOid;
  private final Map<Integer, Codec<?>> beyondFlat;

  private CodecRegistry(List<Codec<?>> codecs) {
    int highest = 0;
    for (Codec<?> codec : codecs) {
      if (codec.oid() >= 0 && codec.oid() < FLAT_LIMIT) {
        highest = Math.max(highest, codec.oid());
      }
    }
    byOid = new Codec<?>[highest + 1];
    Map<Integer, Codec<?>> others = new HashMap<>();
    for (Codec<?> codec : codecs) {
      if (codec.oid() >= 0 && codec.oid() < FLAT_LIMIT) {
        byOid[codec.oid()] = codec;
      } else {
        others.put(codec.oid(), codec);
      }
    }
    beyondFlat = Map.copyOf(others);
  }

  /** The shared immutable registry with the built-in codecs. */
  public static CodecRegistry defaults() {
    return DEFAULTS;
  }

  /**
   * The codec for a type. Never null: an unknown OID gets a text-only codec that decodes to the
   * server's text as a String and is named {@code oid:<oid>} (a new one per call: callers cache
   * codecs per column).
   */
  public Codec<?> forOid(int oid) {
    Codec<?> codec = oid >= 0 && oid < byOid.length ? byOid[oid] : beyondFlat.get(oid);
    return codec != null ? codec : TextCodec.unknownType(oid);
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

  /**
   * Decodes a non-NULL value to {@code target}: the default type or a supertype of it as decoded,
   * String as text, other types by an exact conversion (primitive classes mean their wrappers).
   *
   * @throws ProgrammingError if the type never converts to {@code target}, naming both
   * @throws dev.tusk.errors.DataError if this value does not fit {@code target}
   */
  public <R> R decode(int oid, int format, byte[] bytes, int offset, int length, Class<R> target) {
    Codec<?> codec = forOid(oid);
    Class<?> wanted = Conversions.boxed(target);
    Object value;
    if (wanted.isAssignableFrom(codec.javaType())) {
      value = codec.decode(format, bytes, offset, length);
    } else if (wanted == String.class && format == 0) {
      value = new String(bytes, offset, length, StandardCharsets.UTF_8);
    } else {
      value =
          Conversions.convert(
              codec.decodeForConversion(format, bytes, offset, length), codec, wanted);
    }
    @SuppressWarnings("unchecked") // wanted is target or its wrapper, and value is a wanted
    R result = (R) value;
    return result;
  }

  /**
   * How to send {@code value} (not null) as a parameter: binary with the exact OID for every type
   * with a binary codec; String, Character and enum constants as text with OID 0 so that the server
   * infers the type; arrays and Lists as arrays of their element type.
   *
   * @throws ProgrammingError if values of this Java type cannot be sent, listing those that can
   */
  public ParameterEncoder encoderFor(Object value) {
    return ParameterEncoders.encoderFor(value);
  }
}
