package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code int2vector} and {@code oidvector}, the catalogs' fixed arrays, as an unmodifiable List of
 * Short or Long. Binary is the array format with one dimension, lower bound 0 and no NULLs (what
 * int2vectorrecv accepts); text is the elements separated by spaces, {@code 1 2 3}.
 */
final class VectorCodec extends BaseCodec<List<?>> {

  @SuppressWarnings("unchecked")
  // Before the instances, which need it.
  private static final Class<List<?>> LIST = (Class<List<?>>) (Class<?>) List.class;

  static final VectorCodec INT2VECTOR =
      new VectorCodec(Oids.INT2VECTOR, "int2vector", IntegerCodecs.INT2);
  static final VectorCodec OIDVECTOR =
      new VectorCodec(Oids.OIDVECTOR, "oidvector", OidCodec.INSTANCE);

  private final Codec<?> element;

  private VectorCodec(int oid, String typeName, Codec<?> element) {
    super(oid, typeName, LIST);
    this.element = element;
  }

  @Override
  public List<?> decodeText(byte[] bytes, int offset, int length) {
    List<Object> items = new ArrayList<>();
    int end = offset + length;
    int position = offset;
    while (position < end) {
      if (bytes[position] == ' ') {
        position++;
        continue;
      }
      int first = position;
      while (position < end && bytes[position] != ' ') {
        position++;
      }
      items.add(element.decodeText(bytes, first, position - first));
    }
    return Collections.unmodifiableList(items);
  }

  @Override
  public List<?> decodeBinary(byte[] bytes, int offset, int length) {
    List<?> read = ArrayBinary.read(bytes, offset, length, typeName(), element::decodeBinary);
    // A vector's lower bound is 0, which its text does not show: it reads as a plain List.
    List<?> items = read instanceof PgArray array ? array.elements() : read;
    if (items.contains(null) || (!items.isEmpty() && items.get(0) instanceof List<?>)) {
      throw DecodeErrors.badBinary(typeName(), "NULLs or more than one dimension");
    }
    return items;
  }

  @Override
  public void encodeBinary(List<?> value, BinaryOutput out) {
    requireElements(value);
    out.writeInt32(1).writeInt32(0).writeInt32(element.oid()).writeInt32(value.size());
    out.writeInt32(0);
    for (Object item : value) {
      int length = LengthPrefix.start(out);
      encodeElement(element, item, out);
      LengthPrefix.finish(out, length);
    }
  }

  @Override
  public String encodeText(List<?> value) {
    requireElements(value);
    StringJoiner text = new StringJoiner(" ");
    for (Object item : value) {
      text.add(ValueText.of(item, element));
    }
    return text.toString();
  }

  private void requireElements(List<?> value) {
    for (Object item : value) {
      if (!element.javaType().isInstance(item)) {
        throw new ProgrammingError(
            "a "
                + typeName()
                + " holds non-null "
                + element.javaType().getName()
                + " values, not "
                + (item == null ? "null" : item.getClass().getName()));
      }
    }
  }

  private static <T> void encodeElement(Codec<T> codec, Object item, BinaryOutput out) {
    codec.encodeBinary(codec.javaType().cast(item), out);
  }
}
