package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** HikariCP pooling tusk-jdbc connections, by JDBC URL and by dataSourceClassName. */
@TuskTest
class HikariTest {

  private static int sum(HikariDataSource pool) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        results.add(
            threads.submit(
                () -> {
                  try (Connection connection = pool.getConnection();
                      var ps = connection.prepareStatement("SELECT ?::int * 2")) {
                    ps.setInt(1, n);
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return rs.getInt(1);
                    }
                  }
                }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get();
      }
      return total;
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void poolOverTheDriverUrl(TestSchema schema) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(JdbcTarget.URL);
    config.setDataSourceProperties(JdbcTarget.properties(schema));
    config.setMaximumPoolSize(4);
    config.setPoolName("tusk-hikari-url");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      assertEquals(2 * (63 * 64 / 2), sum(pool));
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        connection.createStatement().execute("CREATE TABLE pooled (a int)");
        // Returned without commit: Hikari rolls back, so the table must not exist afterwards.
      }
      try (Connection connection = pool.getConnection();
          ResultSet rs =
              connection.createStatement().executeQuery("SELECT to_regclass('pooled') IS NULL")) {
        rs.next();
        assertTrue(rs.getBoolean(1));
        assertTrue(connection.getAutoCommit());
      }
    }
  }

  @Test
  void poolOverTheDataSourceClassName(TestSchema schema) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName(TuskDataSource.class.getName());
    var properties = JdbcTarget.properties(schema);
    // Hikari sets these through the data source's bean setters.
    config.addDataSourceProperty("serverName", properties.getProperty("host"));
    config.addDataSourceProperty("portNumber", Integer.parseInt(properties.getProperty("port")));
    config.addDataSourceProperty("databaseName", properties.getProperty("dbname"));
    config.addDataSourceProperty("currentSchema", schema.name());
    config.setUsername(properties.getProperty("user"));
    if (properties.getProperty("password") != null) {
      config.setPassword(properties.getProperty("password"));
    }
    config.setMaximumPoolSize(3);
    config.setPoolName("tusk-hikari-ds");
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    config.setAutoCommit(false);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection connection = pool.getConnection();
          ResultSet rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT current_schema(), current_setting('transaction_isolation')")) {
        rs.next();
        assertEquals(schema.name(), rs.getString(1));
        assertEquals("repeatable read", rs.getString(2));
        connection.rollback();
      }
      assertEquals(2 * (63 * 64 / 2), sum(pool));
    }
  }

  @Test
  void brokenConnectionIsEvicted(TestSchema schema) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(JdbcTarget.URL);
    config.setDataSourceProperties(JdbcTarget.properties(schema));
    config.setMaximumPoolSize(1);
    config.setPoolName("tusk-hikari-evict");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      int firstPid;
      try (Connection connection = pool.getConnection()) {
        firstPid = connection.unwrap(dev.tusk.Connection.class).info().backendPid();
        try (Connection killer = JdbcTarget.connect(schema)) {
          killer.createStatement().execute("SELECT pg_terminate_backend(" + firstPid + ")");
        }
        SQLException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class, () -> connection.createStatement().execute("SELECT 1"));
        assertTrue(
            e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"), e.getSQLState());
      }
      try (Connection connection = pool.getConnection()) {
        assertTrue(connection.unwrap(dev.tusk.Connection.class).info().backendPid() != firstPid);
      }
    }
  }
}
