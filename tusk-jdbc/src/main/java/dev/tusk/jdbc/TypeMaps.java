package dev.tusk.jdbc;

import dev.tusk.types.PgRecord;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC type maps: a composite value whose type a map names is read as an instance of the mapped
 * {@link SQLData} class (made by its public no-argument constructor, filled by {@code readSQL} from
 * the attributes in order); an {@code SQLData} given to {@code setObject} is written through {@code
 * writeSQL} and bound as the composite type {@code getSQLTypeName()} names. A map's key is the
 * type's name, optionally schema-qualified; names compare as PostgreSQL folds unquoted ones
 * (ignoring case).
 */
final class TypeMaps {

  private TypeMaps() {}

  /** {@code value} as the map asks: a mapped composite becomes its SQLData, anything else stays. */
  static Object read(Object value, Map<String, Class<?>> map) throws SQLException {
    if (!(value instanceof PgRecord record) || map == null || map.isEmpty()) {
      return value;
    }
    Class<?> type = find(map, record.typeName());
    if (type == null) {
      return value;
    }
    if (!SQLData.class.isAssignableFrom(type)) {
      throw new SQLException(
          "the type map gives "
              + type.getName()
              + " for "
              + record.typeName()
              + ", which does not implement java.sql.SQLData",
          "HY000");
    }
    SQLData data = instantiate(type);
    data.readSQL(new RecordInput(record.values(), map), record.typeName());
    return data;
  }

  /** The class the map gives for {@code typeName}, matched with or without a schema. */
  private static Class<?> find(Map<String, Class<?>> map, String typeName) {
    Class<?> exact = map.get(typeName);
    if (exact != null) {
      return exact;
    }
    String unqualified = unqualified(typeName);
    for (Map.Entry<String, Class<?>> entry : map.entrySet()) {
      if (entry.getKey() != null
          && (entry.getKey().equalsIgnoreCase(typeName)
              || unqualified(entry.getKey()).equalsIgnoreCase(unqualified))) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String unqualified(String name) {
    String plain = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return plain.replace("\"", "");
  }

  private static SQLData instantiate(Class<?> type) throws SQLException {
    try {
      return (SQLData) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new SQLException(
          type.getName() + " needs a public no-argument constructor to be read as SQLData",
          "HY000",
          e);
    } catch (InvocationTargetException e) {
      throw new SQLException(
          "the constructor of " + type.getName() + " failed: " + e.getCause(), "HY000", e);
    }
  }

  /**
   * The composite value to bind for {@code data}: its attributes as {@code writeSQL} writes them.
   */
  static JdbcStruct struct(JdbcConnection connection, SQLData data) throws SQLException {
    RecordOutput output = new RecordOutput(connection);
    data.writeSQL(output);
    return JdbcStruct.create(connection, data.getSQLTypeName(), output.attributes());
  }
}
