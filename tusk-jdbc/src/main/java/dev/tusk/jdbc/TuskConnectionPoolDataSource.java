package dev.tusk.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A {@link ConnectionPoolDataSource}, for application servers' own pools: configured like {@link
 * TuskDataSource}, each {@link PooledConnection} holds one physical connection and lends it out as
 * logical handles.
 */
public class TuskConnectionPoolDataSource extends TuskDataSource
    implements ConnectionPoolDataSource {

  /** An unconfigured data source; see {@link TuskDataSource}. */
  public TuskConnectionPoolDataSource() {}

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    return new TuskPooledConnection(getConnection());
  }

  @Override
  public PooledConnection getPooledConnection(String user, String password) throws SQLException {
    return new TuskPooledConnection(getConnection(user, password));
  }
}
