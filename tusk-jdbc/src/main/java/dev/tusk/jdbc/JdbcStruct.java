package dev.tusk.jdbc;

import dev.tusk.types.Param;
import dev.tusk.types.PgRecord;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A value of a composite type as a {@link Struct}: read ({@code getObject(i, Struct.class)}, over
 * Tusk's {@link PgRecord}) or made by {@code createStruct} and bound as that type.
 */
final class JdbcStruct implements Struct {

  /** The attribute names of a composite type, in order; the type name is read as regtype. */
  private static final String ATTRIBUTES =
      "SELECT a.attname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t"
          + " ON t.typrelid = a.attrelid WHERE t.oid = $1::text::regtype AND a.attnum > 0"
          + " AND NOT a.attisdropped ORDER BY a.attnum";

  private final PgRecord record;

  private JdbcStruct(PgRecord record) {
    this.record = record;
  }

  /** A value read from a result. */
  static Struct of(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (!(value instanceof PgRecord record)) {
      throw new SQLDataException(
          "a " + value.getClass().getSimpleName() + " is not a composite value", "22000");
    }
    return new JdbcStruct(record);
  }

  /** {@code createStruct}: the attribute names come from the catalog, checked against the count. */
  static JdbcStruct create(JdbcConnection connection, String typeName, Object[] attributes)
      throws SQLException {
    connection.checkOpen();
    List<String> names =
        SqlErrors.run(
            () -> {
              try (var rows = connection.tusk().execute(ATTRIBUTES, typeName)) {
                return rows.fetchAll().stream().map(row -> row.getString(0)).toList();
              }
            },
            connection);
    if (names.isEmpty()) {
      throw new SQLException(typeName + " is not a composite type", "42809");
    }
    if (attributes == null || attributes.length != names.size()) {
      throw new SQLException(
          typeName
              + " has "
              + names.size()
              + " attributes "
              + names
              + "; "
              + (attributes == null ? 0 : attributes.length)
              + " were given",
          "22023");
    }
    List<Object> values = new ArrayList<>(attributes.length);
    for (Object attribute : attributes) {
      // A nested composite is sent as a record inside the record, not as a parameter of its own.
      values.add(
          attribute instanceof JdbcStruct nested
              ? nested.record
              : ParameterConversions.of(attribute, true));
    }
    return new JdbcStruct(PgRecord.of(typeName, names, values));
  }

  /** The value to bind: the record, typed as its composite type. */
  Object parameter() {
    return Param.of(record, record.typeName());
  }

  @Override
  public String getSQLTypeName() {
    return record.typeName();
  }

  @Override
  public Object[] getAttributes() {
    return record.values().toArray();
  }

  @Override
  public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
    Object[] attributes = getAttributes();
    for (int i = 0; i < attributes.length; i++) {
      attributes[i] = TypeMaps.read(attributes[i], map);
    }
    return attributes;
  }

  @Override
  public String toString() {
    return record.typeName() + Arrays.toString(getAttributes());
  }
}
