package dev.tusk.jdbc;

import dev.tusk.Column;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * A statement's parameters as the server described them (a Parse and Describe that does not run
 * it): their types, through the same answers as result columns ({@link JdbcResultSetMetaData}), and
 * their modes.
 */
final class JdbcParameterMetaData implements ParameterMetaData, SelfWrapper {

  private final List<Column> parameters;
  private final int[] modes;
  private final JdbcResultSetMetaData types;

  /**
   * @param parameters each parameter's type, by JDBC index
   * @param modes each parameter's {@code parameterModeIn}, {@code Out} or {@code InOut}
   */
  JdbcParameterMetaData(List<Column> parameters, int[] modes) {
    this.parameters = parameters;
    this.modes = modes;
    this.types = new JdbcResultSetMetaData(parameters, null);
  }

  private void check(int param) throws SQLException {
    if (param < 1 || param > parameters.size()) {
      throw new SQLException(
          "parameter index " + param + " is out of range 1.." + parameters.size(), "22023");
    }
  }

  @Override
  public int getParameterCount() {
    return parameters.size();
  }

  /** The server does not say whether a parameter may be NULL. */
  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    return types.isSigned(param);
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    return types.getPrecision(param);
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    return types.getScale(param);
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    check(param);
    return types.getColumnType(param);
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    check(param);
    return types.getColumnTypeName(param);
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    return types.getColumnClassName(param);
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return modes[param - 1];
  }
}
