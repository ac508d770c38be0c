package dev.tusk.jdbc;

import dev.tusk.types.Param;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link java.sql.Array} over the elements of a PostgreSQL array, read from a result (Tusk
 * decodes arrays as Lists) or made by {@link java.sql.Connection#createArrayOf}. As a parameter it
 * is sent as its element type's array type. Nested lists are the dimensions of a multi-dimensional
 * array.
 */
final class JdbcArray implements Array {

  private final String baseTypeName;
  private List<?> elements;

  JdbcArray(String baseTypeName, List<?> elements) {
    this.baseTypeName = baseTypeName;
    this.elements = elements;
  }

  /** The element type of an array type name: {@code _int4} or {@code int4[]} gives {@code int4}. */
  static String elementType(String arrayTypeName) {
    if (arrayTypeName == null) {
      return null;
    }
    if (arrayTypeName.endsWith("[]")) {
      return arrayTypeName.substring(0, arrayTypeName.length() - 2);
    }
    return arrayTypeName.startsWith("_") ? arrayTypeName.substring(1) : arrayTypeName;
  }

  /** This array as a Tusk parameter. */
  Object parameter() throws SQLException {
    return Param.of(list(), baseTypeName + "[]");
  }

  private List<?> list() throws SQLException {
    if (elements == null) {
      throw new SQLException("the array was freed", "HY010");
    }
    return elements;
  }

  @Override
  public String getBaseTypeName() throws SQLException {
    list();
    return baseTypeName;
  }

  @Override
  public int getBaseType() throws SQLException {
    list();
    return PgTypes.jdbcType(baseTypeName);
  }

  @Override
  public Object getArray() throws SQLException {
    return toJavaArray(list());
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    checkMap(map);
    return getArray();
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    List<?> all = list();
    if (index < 1 || count < 0 || index - 1 + count > all.size()) {
      throw new SQLException(
          "elements " + index + ".." + (index + count - 1) + " are outside 1.." + all.size(),
          "2202E");
    }
    return toJavaArray(all.subList((int) index - 1, (int) index - 1 + count));
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    checkMap(map);
    return getArray(index, count);
  }

  /**
   * The elements as a Java array whose component class is the elements' own (Integer[] for int4[],
   * String[] for text[], ...), converted as {@code getObject} converts values; nested lists become
   * nested arrays.
   */
  private Object toJavaArray(List<?> list) throws SQLException {
    List<Object> converted = new ArrayList<>(list.size());
    Class<?> common = null;
    for (Object element : list) {
      Object value =
          element instanceof List<?> inner
              ? toJavaArray(inner)
              : ColumnValues.jdbcDefault(element, baseTypeName);
      converted.add(value);
      if (value != null) {
        common = common == null || common == value.getClass() ? value.getClass() : Object.class;
      }
    }
    Object array =
        java.lang.reflect.Array.newInstance(common == null ? Object.class : common, list.size());
    for (int i = 0; i < converted.size(); i++) {
      java.lang.reflect.Array.set(array, i, converted.get(i));
    }
    return array;
  }

  private static void checkMap(Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw new SQLFeatureNotSupportedException("custom type maps are not supported", "0A000");
    }
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "Array.getResultSet is not supported yet: use getArray()", "0A000");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    return getResultSet();
  }

  @Override
  public void free() {
    elements = null;
  }

  @Override
  public String toString() {
    return elements == null ? "(freed array)" : elements.toString();
  }
}
