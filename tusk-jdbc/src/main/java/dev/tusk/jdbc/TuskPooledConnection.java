package dev.tusk.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical connection lent out as logical handles, one at a time. Closing a handle tells the
 * pool's listeners the connection is free again (and leaves the physical one open); an error with a
 * connection SQLSTATE (class 08) tells them it is broken. Opening a new handle ends the old one.
 * Statements and metadata made through a handle answer the handle to {@code getConnection()}, and
 * close with it.
 */
class TuskPooledConnection implements PooledConnection {

  /**
   * The transaction-control methods a handle refuses while {@link #inGlobalTransaction()} (all but
   * {@code setAutoCommit(false)}, which changes nothing then).
   */
  private static final java.util.Set<String> LOCAL_TRANSACTION_CONTROL =
      java.util.Set.of("commit", "rollback", "setAutoCommit", "setSavepoint");

  final Connection physical;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Handle current;

  TuskPooledConnection(Connection physical) {
    this.physical = physical;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (physical.isClosed()) {
      throw new SQLNonTransientConnectionException("the pooled connection is closed", "08003");
    }
    Handle previous = current;
    if (previous != null) {
      previous.end();
    }
    if (!physical.getAutoCommit() && !inGlobalTransaction()) {
      physical.rollback();
      physical.setAutoCommit(true);
    }
    Handle handle = new Handle();
    current = handle;
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handle);
    handle.proxy = proxy;
    return proxy;
  }

  /**
   * Whether the physical connection does work for a global (XA) transaction now: a new handle then
   * keeps it, and handles refuse to end it themselves. Never for a plain pooled connection.
   */
  boolean inGlobalTransaction() {
    return false;
  }

  @Override
  public void close() throws SQLException {
    Handle handle = current;
    try {
      if (handle != null) {
        handle.end();
      }
    } finally {
      physical.close();
    }
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  /** Statement pooling is not offered: Tusk caches prepared statements itself. */
  @Override
  public void addStatementEventListener(StatementEventListener listener) {}

  @Override
  public void removeStatementEventListener(StatementEventListener listener) {}

  /**
   * Tells the listeners a handle was closed: free again, or broken if the physical connection was
   * lost meanwhile (statements report their errors to their caller, not through the handle).
   */
  private void returned() throws SQLException {
    if (physical.isClosed()) {
      failed(new SQLNonTransientConnectionException("the connection was lost", "08006"));
    } else {
      ConnectionEvent event = new ConnectionEvent(this);
      listeners.forEach(l -> l.connectionClosed(event));
    }
  }

  private void failed(SQLException error) {
    ConnectionEvent event = new ConnectionEvent(this, error);
    listeners.forEach(l -> l.connectionErrorOccurred(event));
  }

  /** Whether the call would end or split a transaction ({@code setAutoCommit(false)} does not). */
  private static boolean endsLocally(Method method, Object[] args) {
    return LOCAL_TRANSACTION_CONTROL.contains(method.getName())
        && !(method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0]));
  }

  /** A logical connection: forwards to the physical one until it is closed. */
  private final class Handle implements InvocationHandler, ConnectionHandle {
    volatile boolean closed;
    volatile boolean reportedBroken;
    volatile Connection proxy;

    /** The open statements made through this handle, closed with it. */
    private final Set<JdbcStatement> statements = ConcurrentHashMap.newKeySet();

    @Override
    public Connection handle() {
      return proxy;
    }

    @Override
    public void statementClosed(JdbcStatement statement) {
      statements.remove(statement);
    }

    /**
     * Closes the handle and the statements made through it, so that none keeps running (or holds a
     * streaming result) on the physical connection once the pool lends it again.
     */
    void end() throws SQLException {
      closed = true;
      SQLException failure = null;
      for (JdbcStatement statement : List.copyOf(statements)) {
        try {
          statement.close();
        } catch (SQLException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      statements.clear();
      if (failure != null) {
        throw failure;
      }
    }

    /** Ties what the physical connection made for this handle to the handle. */
    private Object lent(Object made) throws SQLException {
      if (made instanceof JdbcStatement statement) {
        statement.lentThrough(this);
        statements.add(statement);
      }
      return made;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          if (!closed) {
            try {
              end();
            } finally {
              if (!reportedBroken) { // the pool heard of it already: one event per handle
                returned();
              }
            }
          }
          return null;
        }
        case "isClosed" -> {
          return closed || physical.isClosed();
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "pooled handle of " + physical;
        }
        default -> {}
      }
      if (closed) {
        throw new SQLNonTransientConnectionException("the connection handle is closed", "08003");
      }
      if (endsLocally(method, args) && inGlobalTransaction()) {
        throw new SQLException(
            method.getName()
                + " is not allowed while the connection works for an XA transaction: the"
                + " transaction manager ends it through the XAResource",
            "2D000");
      }
      try {
        if (method.getName().equals("getMetaData") && physical instanceof JdbcConnection jdbc) {
          return jdbc.metaDataShownAs((Connection) proxy);
        }
        return lent(method.invoke(physical, args));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql
            && sql.getSQLState() != null
            && sql.getSQLState().startsWith("08")
            && !reportedBroken) {
          reportedBroken = true;
          failed(sql);
        }
        throw cause;
      }
    }
  }
}
