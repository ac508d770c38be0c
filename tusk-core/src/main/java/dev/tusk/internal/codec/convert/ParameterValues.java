package dev.tusk.internal.codec.convert;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.CompositeCodec;
import dev.tusk.internal.codec.builtin.DomainCodec;
import dev.tusk.internal.codec.builtin.JsonCodec;
import dev.tusk.internal.codec.text.JsonText;
import dev.tusk.types.Codec;
import dev.tusk.types.Json;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Param;
import dev.tusk.types.PgArray;
import dev.tusk.types.PgRecord;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Converts a parameter value to the Java type of the codec of the type it is sent as (see {@link
 * Param}): Java records and PgRecords to composites, Lists, arrays and primitive arrays element by
 * element, enum constants by name, {@link Json} and {@link Param#json} objects to JSON text, and
 * numbers to another number class where that is exact (see {@link NumberWidening}). COPY's typed
 * rows convert their values through it too.
 */
public final class ParameterValues {

  private ParameterValues() {}

  /**
   * {@code value} (null allowed) as a value of {@code codec}'s Java type.
   *
   * @throws ProgrammingError if values of this class never convert to that type
   * @throws DataError if this value does not fit it (a number out of range)
   */
  public static Object convert(Object value, Codec<?> codec, JsonMapper mapper) {
    Codec<?> real = DomainCodec.underlying(codec);
    // Composites and arrays convert their parts; another codec taking a List (int2vector's) or a
    // PgRecord takes it as it is.
    boolean container =
        value instanceof PgRecord && real instanceof CompositeCodec
            || value instanceof List<?> && real instanceof ArrayCodec;
    if (value == null
        || !container && codec.javaType().isInstance(value) && !(value instanceof Param.MappedJson)
        || real instanceof JsonCodec && !(value instanceof Param.MappedJson)) {
      // JSON takes any value its writer knows: a List is a JSON array there, not an array type.
      return value;
    }
    Object converted = null;
    boolean text = codec.javaType() == String.class;
    if (value instanceof Param.MappedJson mapped) {
      converted = convert(json(mapped.value(), codec, mapper), codec, null);
    } else if (value instanceof Json json && text) {
      converted = json.text();
    } else if (value instanceof Enum<?> constant && text) {
      converted = constant.name();
    } else if (real instanceof CompositeCodec composite) {
      converted = composite(value, composite, mapper);
    } else if (real instanceof ArrayCodec array) {
      converted = elements(value, array.element(), mapper);
    } else {
      converted = NumberWidening.widen(value, codec.javaType());
    }
    if (converted == null) {
      throw new ProgrammingError(
          "cannot send a "
              + value.getClass().getName()
              + " as "
              + codec.typeName()
              + "; its codec takes "
              + codec.javaType().getName());
    }
    return converted;
  }

  /** A PgRecord or Java record as a composite; null for anything else. */
  private static PgRecord composite(Object value, CompositeCodec codec, JsonMapper mapper) {
    if (value instanceof PgRecord record) {
      return fields(record, codec, mapper);
    }
    return value instanceof Record ? RecordConversion.fromJava(value, codec, mapper) : null;
  }

  private static PgRecord fields(PgRecord record, CompositeCodec codec, JsonMapper mapper) {
    if (!record.names().equals(codec.names())) {
      throw new ProgrammingError(
          "cannot send a record with attributes "
              + record.names()
              + " as "
              + codec.typeName()
              + ", whose attributes are "
              + codec.names());
    }
    List<Object> values = new ArrayList<>(record.size());
    for (int i = 0; i < record.size(); i++) {
      values.add(convert(record.get(i), codec.fields().get(i), mapper));
    }
    return PgRecord.of(codec.typeName(), codec.names(), values);
  }

  /** A List or Object[] as a List of elements of {@code element}'s type; null for others. */
  private static List<Object> elements(Object value, Codec<?> element, JsonMapper mapper) {
    List<?> items;
    if (value instanceof List<?> list) {
      items = list;
    } else if (value instanceof Object[] array) {
      items = Arrays.asList(array);
    } else if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
      items = boxed(value);
    } else {
      return null;
    }
    List<Object> converted = new ArrayList<>(items.size());
    for (Object item : items) {
      // A nested List or array is a further dimension of the same element type.
      boolean level =
          item instanceof List<?>
              || item != null && item.getClass().isArray() && !(item instanceof byte[]);
      converted.add(level ? elements(item, element, mapper) : convert(item, element, mapper));
    }
    return value instanceof PgArray array
        ? PgArray.of(converted, array.lowerBounds())
        : Collections.unmodifiableList(converted);
  }

  /** The elements of a primitive array (int[], long[], ...), boxed. */
  private static List<Object> boxed(Object array) {
    int length = Array.getLength(array);
    List<Object> items = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      items.add(Array.get(array, i));
    }
    return items;
  }

  /** The JSON text of a {@link Param#json} value: the mapper's, else the built-in writer's. */
  private static String json(Object value, Codec<?> codec, JsonMapper mapper) {
    if (mapper == null) {
      return JsonText.write(value);
    }
    String text;
    try {
      text = mapper.write(value);
    } catch (RuntimeException e) {
      throw new DataError(
          "the JsonMapper failed to write a "
              + value.getClass().getName()
              + " as "
              + codec.typeName()
              + ": "
              + e,
          e);
    }
    if (text == null) {
      throw new DataError("the JsonMapper wrote no text for a " + value.getClass().getName());
    }
    return text;
  }
}
