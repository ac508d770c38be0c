package dev.tusk.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * A JDBC object that wraps nothing but itself: {@code unwrap} and {@code isWrapperFor} answer for
 * the types it implements. The one home of that answer for every tusk-jdbc object.
 */
interface SelfWrapper extends Wrapper {

  @Override
  default <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName(), "HY000");
  }

  @Override
  default boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
