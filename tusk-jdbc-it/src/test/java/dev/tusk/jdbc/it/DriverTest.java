package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.TuskDriver;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The driver as DriverManager and ServiceLoader find it, and what it does with properties. */
@TuskTest
class DriverTest {

  @Test
  void serviceLoaderFindsTheDriver() {
    assertTrue(
        ServiceLoader.load(Driver.class).stream()
            .anyMatch(provider -> provider.type() == TuskDriver.class));
  }

  @Test
  void driverManagerPicksTuskForItsUrlAndPgjdbcForItsOwn() throws SQLException {
    assertInstanceOf(TuskDriver.class, DriverManager.getDriver("jdbc:tusk:postgresql://h/d"));
    // pgjdbc is on this class path (the embedded server's set-up uses it): it keeps its URLs.
    assertFalse(DriverManager.getDriver("jdbc:postgresql://h/d") instanceof TuskDriver);
  }

  @Test
  void connectsAndRunsAQuery(TestSchema schema) throws SQLException {
    try (Connection connection = JdbcTarget.connect(schema);
        Statement statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT current_schema(), 1 + 1")) {
      assertTrue(rs.next());
      assertEquals(schema.name(), rs.getString(1));
      assertEquals(2, rs.getInt(2));
      assertFalse(rs.next());
    }
  }

  @Test
  void pgjdbcPropertiesReachTheSession(TestSchema schema) throws SQLException {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("ApplicationName", "tusk-jdbc-test");
    properties.setProperty("options", "-c work_mem=5MB");
    properties.setProperty("reWriteBatchedInserts", "true");
    try (Connection connection = DriverManager.getConnection(JdbcTarget.URL, properties);
        Statement statement = connection.createStatement();
        var rs =
            statement.executeQuery(
                "SELECT current_setting('application_name'), current_setting('work_mem')")) {
      assertTrue(rs.next());
      assertEquals("tusk-jdbc-test", rs.getString(1));
      assertEquals("5MB", rs.getString(2));
      assertEquals("tusk-jdbc-test", connection.getClientInfo("ApplicationName"));
    }
  }

  @Test
  void sessionTimeZoneIsTheJvmZone(TestSchema schema) throws SQLException {
    try (Connection connection = JdbcTarget.connect(schema);
        var rs = connection.createStatement().executeQuery("SHOW TimeZone")) {
      assertTrue(rs.next());
      String expected = java.time.ZoneId.systemDefault().normalized().getId();
      if (!(java.time.ZoneId.systemDefault().normalized() instanceof java.time.ZoneOffset)
          || expected.equals("Z")) {
        assertEquals(expected.equals("Z") ? "UTC" : expected, rs.getString(1));
      }
    }
  }

  @Test
  void unknownPropertyFailsBeforeConnecting(TestSchema schema) {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("socketFactory", "org.example.Factory");
    SQLException e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection(JdbcTarget.URL, properties));
    assertTrue(e.getMessage().contains("\"socketFactory\""), e.getMessage());
  }

  @Test
  void wrongPasswordIsAnAuthorizationError(TestSchema schema) {
    Properties properties = JdbcTarget.properties(schema);
    properties.setProperty("user", "tusk_no_such_role");
    properties.setProperty("password", "secret-that-must-not-show");
    SQLException e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection(JdbcTarget.URL, properties));
    assertTrue(
        e.getSQLState().startsWith("28") || e.getSQLState().startsWith("08"), e.getSQLState());
    assertFalse(e.getMessage().contains("secret-that-must-not-show"));
  }

  @Test
  void unwrapGivesTheTuskConnection(TestSchema schema) throws SQLException {
    try (Connection connection = JdbcTarget.connect(schema)) {
      dev.tusk.Connection tusk = connection.unwrap(dev.tusk.Connection.class);
      assertTrue(connection.isWrapperFor(dev.tusk.Connection.class));
      assertEquals(2L, tusk.execute("SELECT $1::int8 + 1", 1L).fetchOne().getLong(0));
      assertSame(tusk, connection.unwrap(dev.tusk.Connection.class));
    }
  }

  @Test
  void oneConnectionServesManyThreads(TestSchema schema) throws Exception {
    try (Connection connection = JdbcTarget.connect(schema)) {
      var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
      try {
        var results = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
        for (int t = 0; t < 16; t++) {
          long base = t * 1000L;
          results.add(
              threads.submit(
                  () -> {
                    long sum = 0;
                    try (var ps = connection.prepareStatement("SELECT ?::int8 + 1")) {
                      for (int i = 0; i < 50; i++) {
                        ps.setLong(1, base + i);
                        try (var rs = ps.executeQuery()) {
                          rs.next();
                          sum += rs.getLong(1) - (base + i); // each caller gets its own answer
                        }
                      }
                    }
                    return sum;
                  }));
        }
        for (var result : results) {
          assertEquals(50L, result.get());
        }
      } finally {
        threads.shutdown();
      }
    }
  }

  @Test
  void closedConnectionSaysSo(TestSchema schema) throws SQLException {
    Connection connection = JdbcTarget.connect(schema);
    connection.close();
    assertTrue(connection.isClosed());
    assertFalse(connection.isValid(1));
    SQLException e = assertThrows(SQLException.class, connection::createStatement);
    assertEquals("08003", e.getSQLState());
  }

  @Test
  void metadataNamesProductAndDriver(TestSchema schema) throws SQLException {
    try (Connection connection = JdbcTarget.connect(schema)) {
      var meta = connection.getMetaData();
      assertEquals("PostgreSQL", meta.getDatabaseProductName());
      assertTrue(meta.getDatabaseMajorVersion() >= 13);
      assertEquals(TuskDriver.NAME, meta.getDriverName());
      assertEquals("\"", meta.getIdentifierQuoteString());
      assertTrue(meta.storesLowerCaseIdentifiers());
      assertArrayEquals(
          new int[] {4, 3}, new int[] {meta.getJDBCMajorVersion(), meta.getJDBCMinorVersion()});
      assertNull(connection.getWarnings());
    }
  }
}
