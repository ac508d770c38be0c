package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.codec.convert.ParameterValues;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.types.Codec;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import dev.tusk.types.PgRecord;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The text of one value of a text or CSV COPY row, before escaping. With column types, the value is
 * converted to its column codec's Java type and rendered by that codec. Without, it is rendered as
 * the type the driver would send it as a parameter (an Integer as int4, an Instant as timestamptz,
 * a List as an array): a String as itself, anything else by that type's codec.
 */
final class FieldText {

  private final Codec<?>[] codecs;
  private final TypeScope scope;

  /** Where a value without a direct text rendering is encoded before it is read back as text. */
  private final WriteBuffer scratch = new WriteBuffer(64);

  /**
   * @param codecs the column types, or null to render each value by its Java class
   * @param scope the types of the connection (registered classes, JSON mapper, catalog)
   */
  FieldText(Codec<?>[] codecs, TypeScope scope) {
    this.codecs = codecs;
    this.scope = scope;
  }

  /** The number of columns the types fix, or -1 when no types are set. */
  int columnCount() {
    return codecs == null ? -1 : codecs.length;
  }

  /** The text of {@code value} (not null) for column {@code column}; null for a typed NULL. */
  String of(int column, Object value) {
    Codec<?> codec = codecs == null ? null : codecs[column];
    try {
      return codec != null ? typed(codec, value) : untyped(value);
    } catch (RuntimeException e) {
      throw FieldErrors.encoding(column, codec, value, e);
    }
  }

  private String typed(Codec<?> codec, Object value) {
    return render(codec, ParameterValues.convert(value, codec, scope.jsonMapper()));
  }

  private String untyped(Object value) {
    if (value instanceof String text) {
      return text;
    }
    ParameterEncoder encoder = scope.encoderFor(value);
    Codec<?> codec = encoder.oid() == 0 ? null : scope.codec(encoder.oid());
    if (codec != null && takesAsItIs(codec, value)) {
      return render(codec, value);
    }
    // A class the codec does not take as it is (Instant for timestamptz, a List for an array):
    // encoded as it would be sent, then read back by the type's codec, which renders it.
    scratch.clear();
    encoder.write(value, scratch);
    int length = scratch.size() - 4;
    if (BigEndian.int32(scratch.array(), 0) == -1) {
      return null; // a Param holding null: a NULL of its type
    }
    if (encoder.format() == 0) {
      return new String(scratch.array(), 4, length, StandardCharsets.UTF_8);
    }
    if (codec == null) {
      throw new ProgrammingError(
          "no codec renders type OID " + Integer.toUnsignedString(encoder.oid()) + " as text");
    }
    return render(codec, codec.decodeBinary(scratch.array(), 4, length));
  }

  /**
   * Whether the codec renders the value itself: a value of its scalar type. Not a {@link
   * dev.tusk.types.Param} (its value is converted to its type first), not for JSON's codec (which
   * takes any object), nor a container, whose parts may not be of the codec's element types.
   */
  private static boolean takesAsItIs(Codec<?> codec, Object value) {
    return codec.javaType() != Object.class
        && codec.javaType().isInstance(value)
        && !isContainer(value);
  }

  /** Values whose parts a codec takes as its own element type, which this one may not match. */
  private static boolean isContainer(Object value) {
    return value instanceof Collection<?>
        || value instanceof Map<?, ?>
        || value instanceof PgRecord
        || value instanceof PgRange<?>
        || value instanceof PgMultirange<?>
        || value.getClass().isArray();
  }

  @SuppressWarnings("unchecked") // the value was converted to, or checked against, the codec's type
  private static <T> String render(Codec<T> codec, Object value) {
    return codec.encodeText((T) value);
  }
}
