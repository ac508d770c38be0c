package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.TuskConnectionPoolDataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;

/** The ConnectionPoolDataSource: handles over one physical connection, and the pool's events. */
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
}
