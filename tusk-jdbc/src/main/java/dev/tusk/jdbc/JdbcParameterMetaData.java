package dev.tusk.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * What is known of a PreparedStatement's parameters before it runs: their count and mode. Their
 * types would need a describe-only Parse, which Tusk's public API does not offer yet, so the type
 * methods say so (clients such as Spring fall back to an untyped NULL).
 */
final class JdbcParameterMetaData implements ParameterMetaData {

  private final int count;

  JdbcParameterMetaData(int count) {
    this.count = count;
  }

  private void check(int param) throws SQLException {
    if (param < 1 || param > count) {
      throw new SQLException("parameter index " + param + " is out of range 1.." + count, "22023");
    }
  }

  private SQLException noTypes() {
    return new SQLFeatureNotSupportedException(
        "parameter types need a Describe of the statement, which tusk-jdbc does not send yet",
        "0A000");
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    throw noTypes();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
