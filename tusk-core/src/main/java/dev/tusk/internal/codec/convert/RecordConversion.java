package dev.tusk.internal.codec.convert;

import dev.tusk.errors.DataError;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.CompositeCodec;
import dev.tusk.internal.codec.builtin.DomainCodec;
import dev.tusk.types.Codec;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.PgRecord;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Composite values to and from Java records, matching record components to attributes by name (or,
 * failing that, by name without underscores and case: {@code zip_code} matches {@code zipCode}).
 * Reflection runs once per record class; each value then costs method-handle calls. Components may
 * be nested records, Lists or arrays of records, and anything a scalar converts to.
 */
final class RecordConversion {

  /** A record class's components and canonical constructor, found once. */
  private record Shape(List<RecordComponent> components, MethodHandle constructor) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shape(type);
        }
      };

  private RecordConversion() {}

  /** {@code record} as a {@code target}, or null when {@code target} is not a record class. */
  static Object toJava(PgRecord record, CompositeCodec codec, Class<?> target, JsonMapper mapper) {
    if (!target.isRecord()) {
      return null;
    }
    Shape shape = SHAPES.get(target);
    Object[] arguments = new Object[shape.components().size()];
    for (int i = 0; i < arguments.length; i++) {
      RecordComponent component = shape.components().get(i);
      int attribute = attributeFor(component, codec, target);
      arguments[i] =
          component(
              record.get(attribute),
              codec.fields().get(attribute),
              component.getType(),
              component.getGenericType(),
              mapper);
    }
    return construct(shape.constructor(), arguments, target);
  }

  /** A Java record as a value of {@code codec}'s composite type. */
  static PgRecord fromJava(Object value, CompositeCodec codec, JsonMapper mapper) {
    Shape shape = SHAPES.get(value.getClass());
    Object[] values = new Object[codec.names().size()];
    for (RecordComponent component : shape.components()) {
      int attribute = attributeFor(component, codec, value.getClass());
      Object item = access(component, value);
      values[attribute] = ParameterValues.convert(item, codec.fields().get(attribute), mapper);
    }
    return PgRecord.of(codec.typeName(), codec.names(), Arrays.asList(values));
  }

  private static Object component(
      Object value, Codec<?> codec, Class<?> type, Type generic, JsonMapper mapper) {
    if (value == null) {
      if (type.isPrimitive()) {
        throw new DataError(
            "a NULL " + codec.typeName() + " cannot be held by a component of type " + type);
      }
      return null;
    }
    Codec<?> real = DomainCodec.underlying(codec);
    if (value instanceof List<?> list && real instanceof ArrayCodec array) {
      if (type == List.class && elementClass(generic) instanceof Class<?> element) {
        List<Object> items = new ArrayList<>(list.size());
        for (Object item : list) {
          items.add(component(item, array.element(), element, element, mapper));
        }
        return Collections.unmodifiableList(items);
      }
      if (type.isArray() && type.getComponentType().isRecord()) {
        Object items = Array.newInstance(type.getComponentType(), list.size());
        for (int i = 0; i < list.size(); i++) {
          Class<?> element = type.getComponentType();
          Array.set(items, i, component(list.get(i), array.element(), element, element, mapper));
        }
        return items;
      }
    }
    return Conversions.convert(value, codec, Conversions.boxed(type), mapper);
  }

  private static Type elementClass(Type generic) {
    return generic instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[0]
        : null;
  }

  private static int attributeFor(RecordComponent component, CompositeCodec codec, Class<?> type) {
    List<String> names = codec.names();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.equals(component.getName())
          || name.replace("_", "").equalsIgnoreCase(component.getName())) {
        return i;
      }
    }
    throw new ProgrammingError(
        "record component "
            + component.getName()
            + " of "
            + type.getName()
            + " matches no attribute of "
            + codec.typeName()
            + " "
            + names);
  }

  private static Shape shape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor);
      MethodHandle spread =
          handle
              .asType(handle.type().generic())
              .asSpreader(Object[].class, types.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
      return new Shape(List.of(components), spread);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterfaceError("cannot call the canonical constructor of " + type.getName(), e);
    }
  }

  private static Object construct(MethodHandle constructor, Object[] arguments, Class<?> type) {
    try {
      return (Object) constructor.invokeExact(arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new InterfaceError("constructing a " + type.getName() + " failed: " + e, e);
    }
  }

  private static Object access(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterfaceError(
          "cannot read component " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
