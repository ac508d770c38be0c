package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.ArrayBounds;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.ElementDecoder;
import dev.tusk.types.BinaryOutput;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The binary array format (array_send): int32 dimension count, int32 has-NULLs flag, int32 element
 * OID, an (int32 size, int32 lower bound) pair per dimension, then each element as int32 length (-1
 * for NULL) and bytes, in row-major order. An empty array has zero dimensions.
 *
 * <p>Reading gives an unmodifiable List that may contain nulls, nested per dimension; a {@link
 * dev.tusk.types.PgArray} when a lower bound is not 1.
 */
public final class ArrayBinary {

  /** PostgreSQL's MAXDIM. */
  private static final int MAX_DIMENSIONS = 6;

  private final byte[] bytes;
  private final int end;
  private final String typeName;
  private final ElementDecoder element;
  private int position;

  private ArrayBinary(
      byte[] bytes, int offset, int length, String typeName, ElementDecoder element) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
    this.typeName = typeName;
    this.element = element;
  }

  static List<Object> read(
      byte[] bytes, int offset, int length, String typeName, ElementDecoder element) {
    return new ArrayBinary(bytes, offset, length, typeName, element).read();
  }

  /** Writes the header of a one-dimensional array with lower bound 1. */
  public static void writeHeader(BinaryOutput out, int elementOid, int count, boolean hasNull) {
    out.writeInt32(count == 0 ? 0 : 1).writeInt32(hasNull ? 1 : 0).writeInt32(elementOid);
    if (count > 0) {
      out.writeInt32(count).writeInt32(1);
    }
  }

  private List<Object> read() {
    int dimensions = readInt32();
    int flags = readInt32();
    readInt32(); // the element OID: the array's own OID already chose the element codec
    if (dimensions < 0 || dimensions > MAX_DIMENSIONS || (flags & ~1) != 0) {
      throw DecodeErrors.badBinary(typeName, dimensions + " dimensions, flags " + flags);
    }
    int[] sizes = new int[dimensions];
    int[] lowerBounds = new int[dimensions];
    long count = 1;
    for (int i = 0; i < dimensions; i++) {
      sizes[i] = readInt32();
      lowerBounds[i] = readInt32();
      count *= Math.max(sizes[i], 0);
      // Every element takes at least its 4-byte length: a larger count is corrupt, not huge.
      if (sizes[i] < 0 || count > (end - position) / 4) {
        throw DecodeErrors.badBinary(typeName, "dimension size " + sizes[i]);
      }
    }
    List<Object> list = dimensions == 0 ? Collections.emptyList() : readLevel(sizes, 0);
    if (position != end) {
      throw DecodeErrors.badBinary(typeName, (end - position) + " bytes after the last element");
    }
    return dimensions == 0 ? list : ArrayBounds.withLowerBounds(list, lowerBounds, typeName);
  }

  private List<Object> readLevel(int[] sizes, int level) {
    Object[] items = new Object[sizes[level]];
    boolean innermost = level == sizes.length - 1;
    for (int i = 0; i < items.length; i++) {
      items[i] = innermost ? readElement() : readLevel(sizes, level + 1);
    }
    return Collections.unmodifiableList(Arrays.asList(items));
  }

  private Object readElement() {
    int length = readInt32();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > end - position) {
      throw DecodeErrors.badBinary(typeName, "element length " + length);
    }
    Object value = element.decode(bytes, position, length);
    position += length;
    return value;
  }

  private int readInt32() {
    if (end - position < 4) {
      throw DecodeErrors.badBinary(typeName, "truncated");
    }
    int value = BigEndian.int32(bytes, position);
    position += 4;
    return value;
  }
}
