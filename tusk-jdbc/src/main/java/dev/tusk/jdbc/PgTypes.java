package dev.tusk.jdbc;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How PostgreSQL's type names map to {@link java.sql.Types} and back, as pgjdbc maps them. Used by
 * result set metadata, by {@code DatabaseMetaData} (through {@link #sqlCase(String)}, so that the
 * catalog query computes the same answer) and by {@code setNull}/{@code setObject} with a target
 * type.
 */
final class PgTypes {

  /** PostgreSQL type name (pg_type.typname) → java.sql.Types. */
  private static final Map<String, Integer> TO_JDBC = new LinkedHashMap<>();

  /** java.sql.Types → the PostgreSQL type a typed NULL or conversion is sent as. */
  private static final Map<Integer, String> FROM_JDBC = new LinkedHashMap<>();

  static {
    TO_JDBC.put("int2", Types.SMALLINT);
    TO_JDBC.put("int4", Types.INTEGER);
    TO_JDBC.put("oid", Types.BIGINT);
    TO_JDBC.put("int8", Types.BIGINT);
    TO_JDBC.put("money", Types.DOUBLE);
    TO_JDBC.put("numeric", Types.NUMERIC);
    TO_JDBC.put("float4", Types.REAL);
    TO_JDBC.put("float8", Types.DOUBLE);
    TO_JDBC.put("char", Types.CHAR);
    TO_JDBC.put("bpchar", Types.CHAR);
    TO_JDBC.put("varchar", Types.VARCHAR);
    TO_JDBC.put("text", Types.VARCHAR);
    TO_JDBC.put("name", Types.VARCHAR);
    TO_JDBC.put("bytea", Types.BINARY);
    TO_JDBC.put("bool", Types.BIT);
    TO_JDBC.put("bit", Types.BIT);
    TO_JDBC.put("date", Types.DATE);
    TO_JDBC.put("time", Types.TIME);
    TO_JDBC.put("timetz", Types.TIME);
    TO_JDBC.put("timestamp", Types.TIMESTAMP);
    TO_JDBC.put("timestamptz", Types.TIMESTAMP);
    TO_JDBC.put("refcursor", Types.REF_CURSOR);
    TO_JDBC.put("json", Types.OTHER);
    TO_JDBC.put("jsonb", Types.OTHER);
    TO_JDBC.put("uuid", Types.OTHER);
    TO_JDBC.put("xml", Types.SQLXML);

    FROM_JDBC.put(Types.BIT, "bool");
    FROM_JDBC.put(Types.BOOLEAN, "bool");
    FROM_JDBC.put(Types.TINYINT, "int2");
    FROM_JDBC.put(Types.SMALLINT, "int2");
    FROM_JDBC.put(Types.INTEGER, "int4");
    FROM_JDBC.put(Types.BIGINT, "int8");
    FROM_JDBC.put(Types.REAL, "float4");
    FROM_JDBC.put(Types.FLOAT, "float8");
    FROM_JDBC.put(Types.DOUBLE, "float8");
    FROM_JDBC.put(Types.NUMERIC, "numeric");
    FROM_JDBC.put(Types.DECIMAL, "numeric");
    FROM_JDBC.put(Types.CHAR, "bpchar");
    FROM_JDBC.put(Types.NCHAR, "bpchar");
    FROM_JDBC.put(Types.VARCHAR, "varchar");
    FROM_JDBC.put(Types.NVARCHAR, "varchar");
    FROM_JDBC.put(Types.LONGVARCHAR, "text");
    FROM_JDBC.put(Types.LONGNVARCHAR, "text");
    FROM_JDBC.put(Types.CLOB, "text");
    FROM_JDBC.put(Types.NCLOB, "text");
    FROM_JDBC.put(Types.DATE, "date");
    FROM_JDBC.put(Types.TIME, "time");
    FROM_JDBC.put(Types.TIME_WITH_TIMEZONE, "timetz");
    FROM_JDBC.put(Types.TIMESTAMP, "timestamp");
    FROM_JDBC.put(Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz");
    FROM_JDBC.put(Types.BINARY, "bytea");
    FROM_JDBC.put(Types.VARBINARY, "bytea");
    FROM_JDBC.put(Types.LONGVARBINARY, "bytea");
    FROM_JDBC.put(Types.BLOB, "bytea");
    FROM_JDBC.put(Types.SQLXML, "xml");
  }

  private PgTypes() {}

  /** The java.sql.Types of a type name; arrays ({@code _int4} or {@code int4[]}) are ARRAY. */
  static int jdbcType(String typeName) {
    if (typeName == null) {
      return Types.OTHER;
    }
    if (typeName.startsWith("_") || typeName.endsWith("[]")) {
      return Types.ARRAY;
    }
    return TO_JDBC.getOrDefault(typeName, Types.OTHER);
  }

  /** The PostgreSQL type to send a value of JDBC type {@code sqlType} as, or null: untyped. */
  static String pgType(int sqlType) {
    return FROM_JDBC.get(sqlType);
  }

  /** The Java class {@code getObject} returns for a type name. */
  static String className(String typeName) {
    return switch (jdbcType(typeName)) {
      case Types.SMALLINT, Types.INTEGER -> "java.lang.Integer";
      case Types.BIGINT -> "java.lang.Long";
      case Types.NUMERIC -> "java.math.BigDecimal";
      case Types.REAL -> "java.lang.Float";
      case Types.DOUBLE -> "java.lang.Double";
      case Types.CHAR, Types.VARCHAR, Types.SQLXML -> "java.lang.String";
      case Types.BINARY -> "[B";
      case Types.BIT -> "java.lang.Boolean";
      case Types.DATE -> "java.sql.Date";
      case Types.TIME -> "java.sql.Time";
      case Types.TIMESTAMP -> "java.sql.Timestamp";
      case Types.ARRAY -> "java.sql.Array";
      default -> "uuid".equals(typeName) ? "java.util.UUID" : "java.lang.Object";
    };
  }

  /** A SQL CASE over the type-name expression {@code expr} giving its java.sql.Types. */
  static String sqlCase(String expr) {
    StringBuilder sql = new StringBuilder("(CASE WHEN left(").append(expr).append(", 1) = '_' ");
    sql.append("THEN ").append(Types.ARRAY);
    TO_JDBC.forEach(
        (name, type) ->
            sql.append(" WHEN ")
                .append(expr)
                .append(" = '")
                .append(name)
                .append("'")
                .append(" THEN ")
                .append(type));
    return sql.append(" ELSE ").append(Types.OTHER).append(" END)").toString();
  }
}
