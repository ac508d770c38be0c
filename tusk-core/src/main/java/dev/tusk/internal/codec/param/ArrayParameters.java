package dev.tusk.internal.codec.param;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayBinary;
import dev.tusk.internal.codec.builtin.ArrayShape;
import dev.tusk.internal.codec.builtin.LengthPrefix;
import dev.tusk.internal.codec.text.ArrayText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import dev.tusk.types.PgMultirange;
import dev.tusk.types.PgRange;
import java.util.Arrays;
import java.util.List;

/**
 * Array parameters: Lists and Java arrays, nested for more dimensions, with lower bound 1 or a
 * PgArray's (see {@link ArrayShape}); primitive arrays of one dimension directly.
 */
final class ArrayParameters {

  private ArrayParameters() {}

  /** A List or Object[] as a List, without copying. */
  private static List<?> items(Object value) {
    return value instanceof List<?> list ? list : Arrays.asList((Object[]) value);
  }

  /** Elements of one Java type, in binary as that type's array OID. */
  record BinaryArray(ParameterType type) implements BinaryParameter {

    @Override
    public int oid() {
      return type.arrayOid();
    }

    @Override
    public void writeBinary(Object value, BinaryOutput out) {
      ArrayShape shape = ArrayShape.of(value);
      for (Object item : shape.elements()) {
        if (item != null && !type.javaClass().isInstance(item)) {
          throw new ProgrammingError(
              "all elements of an array parameter must have the same Java type; found "
                  + item.getClass().getName()
                  + " among "
                  + type.javaClass().getName());
        }
      }
      shape.writeHeader(out, type.oid());
      for (Object item : shape.elements()) {
        if (item == null) {
          out.writeInt32(-1);
        } else {
          int elementLength = LengthPrefix.start(out);
          type.writer().write(item, out);
          LengthPrefix.finish(out, elementLength);
        }
      }
    }
  }

  /**
   * Enum constants (their names), ranges or multiranges without bounds, or only NULLs, or nothing:
   * an array literal in text with OID 0, so that the server takes the element type from the
   * statement (an enum's array type, say).
   */
  enum TextArray implements TextParameter {
    INSTANCE;

    @Override
    public String text(Object value) {
      return ArrayText.render(items(value), TextArray::name);
    }

    private static String name(Object item) {
      if (item instanceof Enum<?> constant) {
        return constant.name();
      }
      if (item instanceof PgRange<?> || item instanceof PgMultirange<?>) {
        // Only ranges without bounds come here, whose text holds no element values.
        return item.toString();
      }
      throw new ProgrammingError(
          "all elements of an array parameter must have the same Java type; found "
              + item.getClass().getName()
              + " among enum constants or ranges without bounds");
    }
  }

  /** Primitive Java arrays, in binary; they cannot hold NULL. */
  enum PrimitiveArray implements BinaryParameter {
    BOOL(boolean[].class, Oids.BOOL_ARRAY, Oids.BOOL, 1) {
      int length(Object array) {
        return ((boolean[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeByte(((boolean[]) array)[index] ? 1 : 0);
      }
    },
    INT2(short[].class, Oids.INT2_ARRAY, Oids.INT2, 2) {
      int length(Object array) {
        return ((short[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeInt16(((short[]) array)[index]);
      }
    },
    INT4(int[].class, Oids.INT4_ARRAY, Oids.INT4, 4) {
      int length(Object array) {
        return ((int[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeInt32(((int[]) array)[index]);
      }
    },
    INT8(long[].class, Oids.INT8_ARRAY, Oids.INT8, 8) {
      int length(Object array) {
        return ((long[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeInt64(((long[]) array)[index]);
      }
    },
    FLOAT4(float[].class, Oids.FLOAT4_ARRAY, Oids.FLOAT4, 4) {
      int length(Object array) {
        return ((float[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeInt32(Float.floatToRawIntBits(((float[]) array)[index]));
      }
    },
    FLOAT8(double[].class, Oids.FLOAT8_ARRAY, Oids.FLOAT8, 8) {
      int length(Object array) {
        return ((double[]) array).length;
      }

      void writeElement(Object array, int index, BinaryOutput out) {
        out.writeInt64(Double.doubleToRawLongBits(((double[]) array)[index]));
      }
    };

    private final Class<?> arrayClass;
    private final int oid;
    private final int elementOid;
    private final int width;

    PrimitiveArray(Class<?> arrayClass, int oid, int elementOid, int width) {
      this.arrayClass = arrayClass;
      this.oid = oid;
      this.elementOid = elementOid;
      this.width = width;
    }

    abstract int length(Object array);

    abstract void writeElement(Object array, int index, BinaryOutput out);

    Class<?> arrayClass() {
      return arrayClass;
    }

    @Override
    public int oid() {
      return oid;
    }

    @Override
    public void writeBinary(Object value, BinaryOutput out) {
      int count = length(value);
      ArrayBinary.writeHeader(out, elementOid, count, false);
      for (int i = 0; i < count; i++) {
        out.writeInt32(width);
        writeElement(value, i, out);
      }
    }
  }
}
