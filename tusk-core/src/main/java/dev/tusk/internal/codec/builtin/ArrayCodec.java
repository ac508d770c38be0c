package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.text.ArrayText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import java.util.List;

/**
 * Arrays of any element type, decoded to an unmodifiable List that may hold nulls
 * (multi-dimensional arrays as nested Lists; a {@link dev.tusk.types.PgArray} when a lower bound is
 * not 1), and encoded from the same. See {@link ArrayBinary} and {@link ArrayText} for the formats.
 */
public final class ArrayCodec extends BaseCodec<List<?>> {

  @SuppressWarnings("unchecked")
  private static final Class<List<?>> LIST = (Class<List<?>>) (Class<?>) List.class;

  private final Codec<?> element;
  private final char delimiter;

  /** An array type whose text form separates elements with commas. */
  public ArrayCodec(int oid, Codec<?> element) {
    this(oid, element, ',');
  }

  /** An array type whose text form separates elements with {@code delimiter} (pg_type.typdelim). */
  public ArrayCodec(int oid, Codec<?> element, char delimiter) {
    super(oid, element.typeName() + "[]", LIST, element.hasBinary());
    this.element = element;
    this.delimiter = delimiter;
  }

  /** The codec of the elements. */
  public Codec<?> element() {
    return element;
  }

  /** The character between elements in the text format. */
  char delimiter() {
    return delimiter;
  }

  @Override
  public List<?> decodeText(byte[] bytes, int offset, int length) {
    return ArrayText.parse(bytes, offset, length, typeName(), delimiter, element::decodeText);
  }

  @Override
  public List<?> decodeBinary(byte[] bytes, int offset, int length) {
    return ArrayBinary.read(bytes, offset, length, typeName(), element::decodeBinary);
  }

  /** Elements decoded for conversion too, by their codec's own decodeForConversion. */
  @Override
  public Object decodeForConversion(int format, byte[] bytes, int offset, int length) {
    return switch (format) {
      case 0 ->
          ArrayText.parse(
              bytes,
              offset,
              length,
              typeName(),
              delimiter,
              (b, o, l) -> element.decodeForConversion(0, b, o, l));
      case 1 ->
          ArrayBinary.read(
              bytes,
              offset,
              length,
              typeName(),
              (b, o, l) -> element.decodeForConversion(1, b, o, l));
      default -> throw new ProgrammingError("unknown format code " + format + "; expected 0 or 1");
    };
  }

  /** Nested Lists are further dimensions, and a {@link dev.tusk.types.PgArray} keeps its bounds. */
  @Override
  public void encodeBinary(List<?> value, BinaryOutput out) {
    ArrayShape shape = ArrayShape.of(value);
    shape.writeHeader(out, element.oid());
    for (Object item : shape.elements()) {
      if (item == null) {
        out.writeInt32(-1);
      } else {
        int length = LengthPrefix.start(out);
        encodeElement(element, item, out);
        LengthPrefix.finish(out, length);
      }
    }
  }

  @Override
  public String encodeText(List<?> value) {
    return ArrayText.render(value, delimiter, item -> ValueText.of(item, element));
  }

  private <T> void encodeElement(Codec<T> codec, Object item, BinaryOutput out) {
    if (!codec.javaType().isInstance(item)) {
      throw new ProgrammingError(
          "cannot send a "
              + item.getClass().getName()
              + " as an element of "
              + typeName()
              + "; expected "
              + codec.javaType().getName());
    }
    codec.encodeBinary(codec.javaType().cast(item), out);
  }
}
