package dev.tusk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection that takes part in XA transactions through its {@link TuskXAResource}. Its
 * handles work as a {@link TuskPooledConnection}'s, except that while a branch is open they leave
 * the transaction to the transaction manager.
 */
final class TuskXAConnection extends TuskPooledConnection implements XAConnection {

  private final TuskXAResource resource;

  TuskXAConnection(Connection physical) throws SQLException {
    super(physical);
    this.resource = new TuskXAResource(physical);
  }

  @Override
  public XAResource getXAResource() throws SQLException {
    if (physical.isClosed()) {
      throw new java.sql.SQLNonTransientConnectionException("the XA connection is closed", "08003");
    }
    return resource;
  }

  @Override
  boolean inGlobalTransaction() {
    return resource.inBranch();
  }
}
