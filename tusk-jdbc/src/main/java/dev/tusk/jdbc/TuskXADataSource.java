package dev.tusk.jdbc;

import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * An {@link XADataSource} for transaction managers (Narayana, Atomikos, application servers),
 * configured like {@link TuskDataSource}. Each {@link XAConnection} holds one physical connection;
 * its {@link javax.transaction.xa.XAResource} runs branches over PostgreSQL's two-phase commit
 * ({@code PREPARE TRANSACTION}), so the server needs {@code max_prepared_transactions} above 0.
 */
public class TuskXADataSource extends TuskDataSource implements XADataSource {

  /** An unconfigured data source; see {@link TuskDataSource}. */
  public TuskXADataSource() {}

  @Override
  public XAConnection getXAConnection() throws SQLException {
    return new TuskXAConnection(getConnection());
  }

  @Override
  public XAConnection getXAConnection(String user, String password) throws SQLException {
    return new TuskXAConnection(getConnection(user, password));
  }
}
