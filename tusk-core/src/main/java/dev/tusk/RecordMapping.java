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
 * columns to components and to compose one method handle that reads each value with the getter of
 * its Java type ({@code getInt} for an int component, so binary values are read without boxing) and
 * calls the constructor. A row then costs what hand-written getters cost: no argument array, no
 * boxing of primitive components.
 */
final class RecordMapping {

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** (Row, int column, Class type, String name)void: a DataError if the value is NULL. */
  private static final MethodHandle REQUIRE_VALUE =
      handle(
          () ->
              LOOKUP.findStatic(
                  RecordMapping.class,
                  "requireValue",
                  MethodType.methodType(
                      void.class, Row.class, int.class, Class.class, String.class)));

  /**
   * (Row, int column, Class type, String name, boolean primitive)Object: any other type, through
   * get(i, type); NULL refused for a primitive.
   */
  private static final MethodHandle READ_OBJECT =
      handle(
          () ->
              LOOKUP.findStatic(
                  RecordMapping.class,
                  "readObject",
                  MethodType.methodType(
                      Object.class,
                      Row.class,
                      int.class,
                      Class.class,
                      String.class,
                      boolean.class)));

  private RecordMapping() {}

  static <T> RowMaker<T> of(Class<T> type, List<Column> columns, ExtraColumns extra) {
    return type.isRecord() ? forRecord(type, columns, extra) : forClass(type, columns, extra);
  }

  private static <T> RowMaker<T> forRecord(
      Class<T> type, List<Column> columns, ExtraColumns extra) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> componentNames = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      componentNames.add(components[i].getName());
      types[i] = components[i].getType();
    }
    int[] columnOf = new int[components.length];
    List<String> missing = new ArrayList<>();
    boolean[] used = new boolean[columns.size()];
    for (int i = 0; i < components.length; i++) {
      columnOf[i] = columnFor(componentNames.get(i), columns);
      if (columnOf[i] < 0) {
        missing.add(componentNames.get(i));
      } else {
        used[columnOf[i]] = true;
      }
    }
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!used[i]) {
        unused.add(columns.get(i).name());
      }
    }
    if (!missing.isEmpty() || (extra == ExtraColumns.REFUSE && !unused.isEmpty())) {
      throw mismatch(type, columns, componentNames, missing, unused, extra);
    }
    MethodHandle make = canonicalConstructor(type, types);
    MethodHandle[] readers = new MethodHandle[types.length];
    for (int i = 0; i < types.length; i++) {
      readers[i] = readerOf(types[i], columnOf[i], columns.get(columnOf[i]).name());
    }
    // (Row, Row, ...)T: each argument read from the row; then one Row for all of them.
    MethodHandle filtered = MethodHandles.filterArguments(make, 0, readers);
    MethodHandle fromRow =
        MethodHandles.permuteArguments(
                filtered, MethodType.methodType(type, Row.class), new int[types.length])
            .asType(MethodType.methodType(Object.class, Row.class));
    return new HandleMaker<>(type, fromRow);
  }

  /** Makes each row by one call of a {@code (Row)Object} method handle. */
  private record HandleMaker<T>(Class<T> type, MethodHandle fromRow) implements RowMaker<T> {
    @Override
    public T make(Row row) {
      try {
        return type.cast((Object) fromRow.invokeExact(row));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new InterfaceError("row mapping failed: " + e, e);
      }
    }
  }

  private static <T> RowMaker<T> forClass(Class<T> type, List<Column> columns, ExtraColumns extra) {
    MethodHandle constructor =
        noArgumentConstructor(type).asType(MethodType.methodType(Object.class));
    List<MethodHandle> setters = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      MethodHandle setter = setter(type, camelCase(name), name, extra);
      if (setter != null) {
        Class<?> valueType = setter.type().parameterType(1);
        // (Object instance, Row row)void
        setters.add(
            MethodHandles.filterArguments(setter, 1, readerOf(valueType, i, name))
                .asType(MethodType.methodType(void.class, Object.class, Row.class)));
      }
    }
    MethodHandle[] all = setters.toArray(MethodHandle[]::new);
    return row -> {
      try {
        Object instance = (Object) constructor.invokeExact();
        for (MethodHandle setter : all) {
          setter.invokeExact(instance, row);
        }
        return type.cast(instance);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new InterfaceError("row mapping failed: " + e, e);
      }
    };
  }

  /**
   * A {@code (Row)type} handle reading column {@code column} with the getter of its type: {@code
   * getInt}, {@code getLong}, {@code getDouble} and {@code getBoolean} for those primitives (after
   * a NULL check), {@code getString} for String, {@code get(i, type)} for the rest.
   */
  private static MethodHandle readerOf(Class<?> type, int column, String name) {
    String getter =
        type == int.class
            ? "getInt"
            : type == long.class
                ? "getLong"
                : type == double.class
                    ? "getDouble"
                    : type == boolean.class
                        ? "getBoolean"
                        : type == String.class ? "getString" : null;
    if (getter == null) {
      return MethodHandles.insertArguments(
              READ_OBJECT, 1, column, boxed(type), name, type.isPrimitive())
          .asType(MethodType.methodType(type, Row.class));
    }
    MethodHandle read =
        MethodHandles.insertArguments(
            handle(
                () ->
                    LOOKUP.findVirtual(Row.class, getter, MethodType.methodType(type, int.class))),
            1,
            column);
    if (!type.isPrimitive()) {
      return read;
    }
    return MethodHandles.foldArguments(
        read, MethodHandles.insertArguments(REQUIRE_VALUE, 1, column, type, name));
  }

  /** A value as {@code type}, a wrapper class for a {@code primitive} component (never NULL). */
  private static Object readObject(
      Row row, int column, Class<?> type, String name, boolean primitive) {
    Object value = row.get(column, type);
    if (value == null && primitive) {
      throw nullInto(name, type);
    }
    return value;
  }

  private static void requireValue(Row row, int column, Class<?> type, String name) {
    if (row.isNull(column)) {
      throw nullInto(name, type);
    }
  }

  private static DataError nullInto(String name, Class<?> type) {
    Class<?> primitive = MethodType.methodType(type).unwrap().returnType();
    return new DataError("column \"" + name + "\" is NULL, which a " + primitive + " cannot hold");
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
      return LOOKUP.unreflectConstructor(constructor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterfaceError("cannot call the canonical constructor of " + type.getName(), e);
    }
  }

  private static MethodHandle noArgumentConstructor(Class<?> type) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return LOOKUP.unreflectConstructor(constructor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ProgrammingError(
          type.getName() + " is neither a record nor a class with a no-argument constructor", e);
    }
  }

  /** An {@code (instance, value)void} setter or field writer for a column; null if ignored. */
  private static MethodHandle setter(
      Class<?> type, String property, String column, ExtraColumns extra) {
    if (property.isEmpty()) {
      if (extra == ExtraColumns.IGNORE) {
        return null;
      }
      throw new ProgrammingError(
          "a column with an empty name cannot be mapped to " + type.getName() + "; alias it");
    }
    String setterName = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(setterName) && method.getParameterCount() == 1) {
        return unreflect(method, () -> LOOKUP.unreflect(method));
      }
    }
    for (Field field : type.getFields()) {
      if ((field.getName().equals(property) || field.getName().equals(column))
          && !Modifier.isStatic(field.getModifiers())
          && !Modifier.isFinal(field.getModifiers())) {
        return unreflect(field, () -> LOOKUP.unreflectSetter(field));
      }
    }
    if (extra == ExtraColumns.IGNORE) {
      return null;
    }
    throw new ProgrammingError(
        "column \""
            + column
            + "\" has no public setter "
            + setterName
            + " or field "
            + property
            + " in "
            + type.getName()
            + "; use RowFactories.record(type, ExtraColumns.IGNORE) to skip such columns");
  }

  private interface Unreflection {
    MethodHandle get() throws ReflectiveOperationException;
  }

  private static MethodHandle unreflect(AccessibleObject member, Unreflection unreflection) {
    try {
      // As for the constructors: a public member of a class that is not public is still usable.
      member.setAccessible(true);
      MethodHandle handle = unreflection.get();
      return handle.asType(handle.type().changeParameterType(0, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterfaceError(
          "cannot access " + member + " for row mapping: " + e.getMessage(), e);
    }
  }

  private static MethodHandle handle(Unreflection lookup) {
    try {
      return lookup.get();
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Class<?> boxed(Class<?> type) {
    return MethodType.methodType(type).wrap().returnType();
  }

  private static ProgrammingError mismatch(
      Class<?> type,
      List<Column> columns,
      List<String> components,
      List<String> missing,
      List<String> unused,
      ExtraColumns extra) {
    List<String> problems = new ArrayList<>(2);
    if (!missing.isEmpty()) {
      problems.add("no column for components " + missing);
    }
    if (!unused.isEmpty() && extra == ExtraColumns.REFUSE) {
      problems.add(
          "no component for columns "
              + unused
              + " (RowFactories.record(type, ExtraColumns.IGNORE) ignores them)");
    }
    return new ProgrammingError(
        "cannot map columns "
            + RowFactories.names(columns)
            + " to "
            + type.getName()
            + " with components "
            + components
            + ": "
            + String.join("; ", problems)
            + ". A component matches a column of the same name or its camelCase");
  }
}
