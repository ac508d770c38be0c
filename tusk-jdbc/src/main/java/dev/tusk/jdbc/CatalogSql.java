package dev.tusk.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a catalog query for {@link JdbcDatabaseMetaData}: a base query, conditions added only for
 * the arguments a caller gave (JDBC's null means "do not filter"), each value bound as a parameter.
 * Patterns are JDBC's ({@code %}, {@code _}, escaped by a backslash), which are LIKE's.
 */
final class CatalogSql {

  private final StringBuilder sql;
  private final List<Object> parameters = new ArrayList<>();
  private String orderBy = "";

  CatalogSql(String base) {
    sql = new StringBuilder(base).append(" WHERE true");
  }

  /** Adds {@code expression LIKE pattern} when the pattern is given. */
  CatalogSql like(String expression, String pattern) {
    if (pattern != null) {
      sql.append(" AND ").append(expression).append(" LIKE $").append(bind(pattern));
    }
    return this;
  }

  /** Adds {@code expression = value} when the value is given (an exact name, not a pattern). */
  CatalogSql equal(String expression, Object value) {
    if (value != null) {
      sql.append(" AND ").append(expression).append(" = $").append(bind(value));
    }
    return this;
  }

  /** Adds {@code expression = ANY(values)} when the values are given. */
  CatalogSql any(String expression, String[] values) {
    if (values != null) {
      sql.append(" AND ").append(expression).append(" = ANY($").append(bind(values));
      sql.append("::text[])");
    }
    return this;
  }

  /** Adds a condition without parameters. */
  CatalogSql where(String condition) {
    sql.append(" AND ").append(condition);
    return this;
  }

  CatalogSql orderBy(String columns) {
    orderBy = " ORDER BY " + columns;
    return this;
  }

  private int bind(Object value) {
    parameters.add(value);
    return parameters.size();
  }

  String sql() {
    return sql + orderBy;
  }

  Object[] parameters() {
    return parameters.toArray();
  }
}
