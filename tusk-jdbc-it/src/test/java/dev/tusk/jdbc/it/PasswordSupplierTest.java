package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.PasswordRequest;
import dev.tusk.PasswordSupplier;
import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link TuskDataSource#setPasswordSupplier}: HikariCP pools connections of a SCRAM role whose
 * password only the supplier knows; a password beside the supplier, and a failing supplier, are
 * refused with the reason.
 */
@TuskTest
class PasswordSupplierTest {

  private final List<PasswordRequest> requests = new CopyOnWriteArrayList<>();

  private final PasswordSupplier supplier =
      request -> {
        requests.add(request);
        return TestRole.SCRAM.password();
      };

  @Test
  void hikariPoolsConnectionsWhosePasswordTheSupplierGives(PostgresServer server)
      throws SQLException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    TuskDataSource dataSource = scramRole(server);
    dataSource.setPasswordSupplier(supplier);
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(2);
    config.setPoolName("tusk-hikari-supplier");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      for (int i = 0; i < 4; i++) {
        try (Connection connection = pool.getConnection();
            ResultSet rs = connection.createStatement().executeQuery("SELECT current_user")) {
          rs.next();
          assertEquals(TestRole.SCRAM.user(), rs.getString(1));
        }
      }
    }
    assertFalse(requests.isEmpty());
    for (PasswordRequest request : requests) {
      assertEquals(
          new PasswordRequest(
              server.host(), server.port(), server.database(), TestRole.SCRAM.user()),
          request);
    }
    assertFalse(dataSource.toString().contains(TestRole.SCRAM.password()), dataSource.toString());
  }

  @Test
  void aPasswordBesideTheSupplierIsRefused(PostgresServer server) {
    TuskDataSource dataSource = scramRole(server);
    dataSource.setPasswordSupplier(supplier);
    dataSource.setPassword("fixed-secret");
    SQLException error = assertThrows(SQLException.class, dataSource::getConnection);
    assertTrue(
        error.getMessage().contains("both a password and a password supplier are set"),
        error.getMessage());
    assertFalse(error.getMessage().contains("fixed-secret"), error.getMessage());
    assertEquals(List.of(), requests);
  }

  @Test
  void aFailingSupplierIsAnAuthorizationError(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    TuskDataSource dataSource = scramRole(server);
    dataSource.setPasswordSupplier(
        request -> {
          throw new IllegalStateException("managed identity unavailable");
        });
    SQLException error = assertThrows(SQLException.class, dataSource::getConnection);
    assertInstanceOf(SQLInvalidAuthorizationSpecException.class, error);
    assertEquals("28000", error.getSQLState());
    assertTrue(error.getMessage().contains("managed identity unavailable"), error.getMessage());
  }

  private static TuskDataSource scramRole(PostgresServer server) {
    TuskDataSource dataSource = new TuskDataSource();
    dataSource.setServerName(server.host());
    dataSource.setPortNumber(server.port());
    dataSource.setDatabaseName(server.database());
    dataSource.setUser(TestRole.SCRAM.user());
    dataSource.setProperty("passfile", "/nonexistent/tusk-no-passfile");
    return dataSource;
  }
}
