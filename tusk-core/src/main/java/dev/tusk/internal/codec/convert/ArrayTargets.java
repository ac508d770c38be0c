package dev.tusk.internal.codec.convert;

import static java.util.Map.entry;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Reads a decoded one-dimensional array as a Java array: {@code E[]} for the element types the
 * driver knows (each element converted as a scalar would be), or a primitive array, which cannot
 * hold NULL elements. Array classes come from fixed tables, not reflection.
 */
final class ArrayTargets {

  private record ObjectArray(Class<?> component, IntFunction<Object[]> create) {}

  private static final Map<Class<?>, ObjectArray> OBJECT_ARRAYS =
      Map.ofEntries(
          objects(Object[].class, Object.class, Object[]::new),
          objects(Number[].class, Number.class, Number[]::new),
          objects(Boolean[].class, Boolean.class, Boolean[]::new),
          objects(Short[].class, Short.class, Short[]::new),
          objects(Integer[].class, Integer.class, Integer[]::new),
          objects(Long[].class, Long.class, Long[]::new),
          objects(Float[].class, Float.class, Float[]::new),
          objects(Double[].class, Double.class, Double[]::new),
          objects(BigDecimal[].class, BigDecimal.class, BigDecimal[]::new),
          objects(BigInteger[].class, BigInteger.class, BigInteger[]::new),
          objects(String[].class, String.class, String[]::new),
          objects(byte[][].class, byte[].class, byte[][]::new),
          objects(UUID[].class, UUID.class, UUID[]::new),
          objects(LocalDate[].class, LocalDate.class, LocalDate[]::new),
          objects(LocalTime[].class, LocalTime.class, LocalTime[]::new),
          objects(OffsetTime[].class, OffsetTime.class, OffsetTime[]::new),
          objects(LocalDateTime[].class, LocalDateTime.class, LocalDateTime[]::new),
          objects(OffsetDateTime[].class, OffsetDateTime.class, OffsetDateTime[]::new),
          objects(Instant[].class, Instant.class, Instant[]::new),
          objects(ZonedDateTime[].class, ZonedDateTime.class, ZonedDateTime[]::new),
          objects(PgInterval[].class, PgInterval.class, PgInterval[]::new),
          objects(Duration[].class, Duration.class, Duration[]::new),
          objects(Period[].class, Period.class, Period[]::new));

  /** Primitive arrays: each creates its array and stores a converted, non-null element. */
  private enum Primitive {
    BOOLEAN(boolean[].class, Boolean.class) {
      Object create(int size) {
        return new boolean[size];
      }

      void set(Object array, int index, Object value) {
        ((boolean[]) array)[index] = (Boolean) value;
      }
    },
    SHORT(short[].class, Short.class) {
      Object create(int size) {
        return new short[size];
      }

      void set(Object array, int index, Object value) {
        ((short[]) array)[index] = (Short) value;
      }
    },
    INT(int[].class, Integer.class) {
      Object create(int size) {
        return new int[size];
      }

      void set(Object array, int index, Object value) {
        ((int[]) array)[index] = (Integer) value;
      }
    },
    LONG(long[].class, Long.class) {
      Object create(int size) {
        return new long[size];
      }

      void set(Object array, int index, Object value) {
        ((long[]) array)[index] = (Long) value;
      }
    },
    FLOAT(float[].class, Float.class) {
      Object create(int size) {
        return new float[size];
      }

      void set(Object array, int index, Object value) {
        ((float[]) array)[index] = (Float) value;
      }
    },
    DOUBLE(double[].class, Double.class) {
      Object create(int size) {
        return new double[size];
      }

      void set(Object array, int index, Object value) {
        ((double[]) array)[index] = (Double) value;
      }
    };

    private final Class<?> arrayType;
    private final Class<?> boxed;

    Primitive(Class<?> arrayType, Class<?> boxed) {
      this.arrayType = arrayType;
      this.boxed = boxed;
    }

    abstract Object create(int size);

    abstract void set(Object array, int index, Object value);
  }

  private ArrayTargets() {}

  /** The array, or null when {@code target} is not an array type this class knows. */
  static Object convert(List<?> list, ArrayCodec codec, Class<?> target) {
    ObjectArray objects = OBJECT_ARRAYS.get(target);
    if (objects != null) {
      Object[] array = objects.create().apply(list.size());
      for (int i = 0; i < array.length; i++) {
        Object item = list.get(i);
        array[i] = item == null ? null : element(item, codec, objects.component(), target);
      }
      return array;
    }
    for (Primitive primitive : Primitive.values()) {
      if (primitive.arrayType == target) {
        Object array = primitive.create(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          if (item == null) {
            throw new DataError(
                "element "
                    + (i + 1)
                    + " of a "
                    + codec.typeName()
                    + " value is NULL, which "
                    + target.getSimpleName()
                    + " cannot hold; read it as a List or a boxed array");
          }
          primitive.set(array, i, element(item, codec, primitive.boxed, target));
        }
        return array;
      }
    }
    return null;
  }

  private static Object element(
      Object item, ArrayCodec codec, Class<?> component, Class<?> target) {
    if (item instanceof List<?> && !component.isInstance(item)) {
      throw new DataError(
          "a multi-dimensional "
              + codec.typeName()
              + " value cannot be read as "
              + target.getSimpleName()
              + "; read it as a List of Lists");
    }
    return Conversions.convert(item, codec.element(), component);
  }

  private static Map.Entry<Class<?>, ObjectArray> objects(
      Class<?> arrayType, Class<?> component, IntFunction<Object[]> create) {
    return entry(arrayType, new ObjectArray(component, create));
  }
}
