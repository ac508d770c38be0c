package dev.tusk;

import dev.tusk.errors.DataError;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the maker for {@link RowFactories#record(Class)}: reflection runs once per result to match
 * columns to components; each row then costs one method-handle call per value.
 */
final class RecordMapping {

  private RecordMapping() {}

  static <T> RowMaker<T> of(Class<T> type, List<Column> columns) {
    return type.isRecord() ? forRecord(type, columns) : forClass(type, columns);
  }

  private static <T> RowMaker<T> forRecord(Class<T> type, List<Column> columns) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> componentNames = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      componentNames.add(components[i].getName());
      types[i] = components[i].getType();
    }
    if (components.length != columns.size()) {
      throw mismatch(type, columns, componentNames);
    }
    int[] columnOf = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      columnOf[i] = columnFor(componentNames.get(i), columns);
      if (columnOf[i] < 0) {
        throw mismatch(type, columns, componentNames);
      }
    }
    MethodHandle constructor = canonicalConstructor(type, types);
    return row -> {
      Object[] arguments = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        arguments[i] = value(row, columnOf[i], types[i], columns.get(columnOf[i]).name());
      }
      return type.cast(invoke(constructor, arguments));
    };
  }

  private static <T> RowMaker<T> forClass(Class<T> type, List<Column> columns) {
    MethodHandle constructor = noArgumentConstructor(type);
    MethodHandle[] setters = new MethodHandle[columns.size()];
    Class<?>[] types = new Class<?>[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String property = camelCase(columns.get(i).name());
      setters[i] = setter(type, property, columns.get(i).name(), types, i);
    }
    return row -> {
      Object instance = invoke(constructor, new Object[0]);
      for (int i = 0; i < setters.length; i++) {
        invoke(setters[i], new Object[] {instance, value(row, i, types[i], columns.get(i).name())});
      }
      return type.cast(instance);
    };
  }

  private static Object value(Row row, int column, Class<?> type, String name) {
    Object value = row.get(column, boxed(type));
    if (value == null && type.isPrimitive()) {
      throw new DataError("column \"" + name + "\" is NULL, which a " + type + " cannot hold");
    }
    return value;
  }

  private static int columnFor(String component, List<Column> columns) {
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      if (name.equals(component) || camelCase(name).equals(component)) {
        return i;
      }
    }
    return -1;
  }

  /** created_at to createdAt; names without underscores are unchanged. */
  static String camelCase(String name) {
    StringBuilder camel = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && camel.length() > 0) {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  private static MethodHandle canonicalConstructor(Class<?> type, Class<?>[] types) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return spread(MethodHandles.lookup().unreflectConstructor(constructor));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterfaceError("cannot call the canonical constructor of " + type.getName(), e);
    }
  }

  private static MethodHandle noArgumentConstructor(Class<?> type) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return spread(MethodHandles.lookup().unreflectConstructor(constructor));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ProgrammingError(
          type.getName() + " is neither a record nor a class with a no-argument constructor", e);
    }
  }

  private static MethodHandle setter(
      Class<?> type, String property, String column, Class<?>[] types, int index) {
    if (property.isEmpty()) {
      throw new ProgrammingError(
          "a column with an empty name cannot be mapped to " + type.getName() + "; alias it");
    }
    String setterName = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(setterName) && method.getParameterCount() == 1) {
        types[index] = method.getParameterTypes()[0];
        return unreflect(method, () -> MethodHandles.lookup().unreflect(method));
      }
    }
    for (Field field : type.getFields()) {
      if ((field.getName().equals(property) || field.getName().equals(column))
          && !Modifier.isStatic(field.getModifiers())
          && !Modifier.isFinal(field.getModifiers())) {
        types[index] = field.getType();
        return unreflect(field, () -> MethodHandles.lookup().unreflectSetter(field));
      }
    }
    throw new ProgrammingError(
        "column \""
            + column
            + "\" has no public setter "
            + setterName
            + " or field "
            + property
            + " in "
            + type.getName());
  }

  private interface Unreflection {
    MethodHandle get() throws IllegalAccessException;
  }

  private static MethodHandle unreflect(AccessibleObject member, Unreflection unreflection) {
    try {
      // As for the constructors: a public member of a class that is not public is still usable.
      member.setAccessible(true);
      return spread(unreflection.get());
    } catch (IllegalAccessException | RuntimeException e) {
      throw new InterfaceError(
          "cannot access " + member + " for row mapping: " + e.getMessage(), e);
    }
  }

  private static MethodHandle spread(MethodHandle handle) {
    int count = handle.type().parameterCount();
    return handle
        .asType(handle.type().generic())
        .asSpreader(Object[].class, count)
        .asType(MethodType.methodType(Object.class, Object[].class));
  }

  private static Object invoke(MethodHandle handle, Object[] arguments) {
    try {
      return (Object) handle.invokeExact(arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new InterfaceError("row mapping failed: " + e, e);
    }
  }

  private static Class<?> boxed(Class<?> type) {
    return MethodType.methodType(type).wrap().returnType();
  }

  private static ProgrammingError mismatch(
      Class<?> type, List<Column> columns, List<String> components) {
    return new ProgrammingError(
        "cannot map columns "
            + RowFactories.names(columns)
            + " to "
            + type.getName()
            + " with components "
            + components
            + ": every column needs exactly one component of the same name (or its camelCase)");
  }
}
