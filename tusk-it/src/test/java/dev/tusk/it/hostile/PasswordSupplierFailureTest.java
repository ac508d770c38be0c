package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.ConnectionOptions;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A password supplier that fails, or takes longer than connect_timeout, in the middle of a real
 * server's authentication exchange: the attempt ends with a typed error and leaves no socket or
 * thread behind.
 */
@TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class PasswordSupplierFailureTest {

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void aThrowingSupplierClosesTheSocket(TestRole role, PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    for (int attempt = 0; attempt < 5; attempt++) {
      ConnectionOptions options =
          options(server, role)
              .passwordSupplier(
                  request -> {
                    throw new IllegalStateException("no credentials");
                  });
      InvalidAuthorizationSpecification error =
          assertThrows(InvalidAuthorizationSpecification.class, options::connect);
      assertEquals("28000", error.sqlState());
    }
  }

  /** Its time counts against connect_timeout: the socket is closed when that passes. */
  @Test
  void aSupplierSlowerThanConnectTimeoutEndsInATimeout(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    ConnectionOptions options =
        options(server, TestRole.SCRAM)
            .connectTimeout(Duration.ofSeconds(1))
            .passwordSupplier(
                request -> {
                  Thread.sleep(1_500);
                  return TestRole.SCRAM.password();
                });
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(SqlclientUnableToEstablishSqlconnection.class, options::connect);
    assertTrue(error.getMessage().contains("timeout"), error.getMessage());
  }

  private static ConnectionOptions options(PostgresServer server, TestRole role) {
    return server.options(role).set("passfile", "/nonexistent/tusk-no-passfile");
  }
}
