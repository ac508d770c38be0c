package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.TuskConnectionPoolDataSource;
import dev.tusk.jdbc.TuskXADataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import org.junit.jupiter.api.Test;

/**
 * The ConnectionPoolDataSource: handles over one physical connection, the pool's events, and what a
 * handle's statements answer to {@code getConnection()}.
 */
@TuskTest
class PooledConnectionTest {

  private static int backendPid(Connection connection) throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void handlesShareOnePhysicalConnection(TestSchema schema) throws SQLException {
    TuskConnectionPoolDataSource source = new TuskConnectionPoolDataSource();
    JdbcTarget.properties(schema).forEach((k, v) -> source.setProperty((String) k, (String) v));
    PooledConnection pooled = source.getPooledConnection();
    List<String> events = new ArrayList<>();
    pooled.addConnectionEventListener(
        new ConnectionEventListener() {
          @Override
          public void connectionClosed(ConnectionEvent event) {
            events.add("closed");
          }

          @Override
          public void connectionErrorOccurred(ConnectionEvent event) {
            events.add("error " + event.getSQLException().getSQLState());
          }
        });
    try {
      Connection first = pooled.getConnection();
      int pid = backendPid(first);
      first.setAutoCommit(false);
      first.createStatement().execute("CREATE TABLE left_open (a int)");
      first.close();
      assertTrue(first.isClosed());
      assertThrows(SQLException.class, first::createStatement);
      assertEquals(List.of("closed"), events);

      Connection second = pooled.getConnection();
      assertEquals(pid, backendPid(second));
      assertTrue(second.getAutoCommit()); // the handle starts clean: the open work rolled back
      try (ResultSet rs =
          second.createStatement().executeQuery("SELECT to_regclass('left_open') IS NULL")) {
        rs.next();
        assertTrue(rs.getBoolean(1));
      }
      try (Connection killer = JdbcTarget.connect(schema)) {
        killer.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
      }
      assertThrows(SQLException.class, () -> second.createStatement().execute("SELECT 1"));
      second.close(); // returned broken: the pool hears of an error, not of a free connection
      assertEquals(2, events.size());
      assertTrue(events.get(1).startsWith("error "), events.toString());
    } finally {
      pooled.close();
    }
    assertFalse(events.isEmpty());
  }

  @Test
  void whatAHandleMakesAnswersTheHandleAndClosesWithIt(TestSchema schema) throws SQLException {
    TuskConnectionPoolDataSource source = new TuskConnectionPoolDataSource();
    JdbcTarget.properties(schema).forEach((k, v) -> source.setProperty((String) k, (String) v));
    PooledConnection pooled = source.getPooledConnection();
    try {
      Connection handle = pooled.getConnection();
      int pid = backendPid(handle);
      Statement statement = handle.createStatement();
      assertSame(handle, statement.getConnection());
      PreparedStatement prepared = handle.prepareStatement("SELECT ?::int");
      assertSame(handle, prepared.getConnection());
      CallableStatement call = handle.prepareCall("{? = call abs(?)}");
      assertSame(handle, call.getConnection());
      prepared.setInt(1, 5);
      ResultSet rows = prepared.executeQuery();
      assertSame(handle, rows.getStatement().getConnection());
      DatabaseMetaData metaData = handle.getMetaData();
      assertSame(handle, metaData.getConnection());
      // A streaming result left open holds the physical connection until its statement closes.
      Statement streaming = handle.createStatement();
      streaming.setFetchSize(10);
      ResultSet stream = streaming.executeQuery("SELECT generate_series(1, 100000)");
      assertTrue(stream.next());
      statement.close();

      handle.close();
      for (Statement made : List.of(prepared, call, streaming)) {
        assertTrue(made.isClosed(), made.toString());
      }
      assertTrue(rows.isClosed());
      assertTrue(stream.isClosed());
      assertThrows(SQLException.class, prepared::executeQuery);
      assertThrows(SQLException.class, streaming::getConnection);

      // The physical connection stayed open, and is free: the stream was dropped.
      Connection next = pooled.getConnection();
      assertEquals(pid, backendPid(next));
      Statement fromNext = next.createStatement();
      // A new handle ends the one before it, and that handle's statements.
      Connection third = pooled.getConnection();
      assertTrue(next.isClosed());
      assertTrue(fromNext.isClosed());
      assertSame(third, third.createStatement().getConnection());
      third.close();
    } finally {
      pooled.close();
    }
  }

  @Test
  void anXaHandleAnswersItselfToo(TestSchema schema) throws SQLException {
    TuskXADataSource source = new TuskXADataSource();
    JdbcTarget.properties(schema).forEach((k, v) -> source.setProperty((String) k, (String) v));
    XAConnection xa = source.getXAConnection();
    try {
      Connection handle = xa.getConnection();
      try (PreparedStatement statement = handle.prepareStatement("SELECT 1")) {
        assertSame(handle, statement.getConnection());
        try (ResultSet rows = statement.executeQuery()) {
          assertSame(handle, rows.getStatement().getConnection());
        }
      }
      assertSame(handle, handle.getMetaData().getConnection());
      Statement open = handle.createStatement();
      handle.close();
      assertTrue(open.isClosed());
      assertFalse(xa.getConnection().isClosed()); // the physical connection is still there
    } finally {
      xa.close();
    }
  }
}
