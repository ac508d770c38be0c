package dev.tusk.it.gss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Row;
import dev.tusk.errors.ProhibitedSqlStatementAttempted;
import java.util.List;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gssdelegation} seen by PostgreSQL itself: Debian 13's PostgreSQL 17 with {@code
 * gss_accept_delegation = on} (PostgreSQL 15 accepts delegated credentials but drops them), with
 * GSSAPI encryption and with GSSAPI authentication over a plain connection. The server reports what
 * it received in {@code pg_stat_gssapi.credentials_delegated}, and dblink shows the forwarded
 * ticket works: the server logs in on the client's behalf only when it was delegated.
 */
class GssDelegationTest {

  private static final String STATE =
      "SELECT encrypted, credentials_delegated, principal FROM pg_stat_gssapi"
          + " WHERE pid = pg_backend_pid()";

  private static final String ON_THE_CLIENTS_BEHALF =
      "SELECT who FROM dblink($1, 'SELECT current_user') AS remote(who text)";

  private static KerberosFixture fixture;
  private static Subject subject;

  @BeforeAll
  static void start() throws Exception {
    fixture = KerberosFixture.shared();
    subject = fixture.login();
  }

  @Test
  void theServerHasTheCredentialsOnlyWhenGssdelegationIsOne() throws Exception {
    for (String encryption : List.of("require", "disable")) {
      for (String delegation : List.of("gssdelegation=1", "gssdelegation=0", "")) {
        String settings = "require_auth=gss gssencmode=" + encryption + " " + delegation;
        Row row = asTusk(settings, conn -> conn.execute(STATE).fetchOne());
        assertEquals(encryption.equals("require"), row.get(0), settings);
        assertEquals(delegation.equals("gssdelegation=1"), row.get(1), settings);
        assertEquals(KerberosFixture.CLIENT, row.get(2), settings);
      }
    }
  }

  @Test
  void theServerLogsInWithTheDelegatedTicket() throws Exception {
    String remote = fixture.conninfo17("gssencmode=require");
    for (String encryption : List.of("require", "disable")) {
      String settings = "gssdelegation=1 gssencmode=" + encryption;
      Object who =
          asTusk(settings, conn -> conn.execute(ON_THE_CLIENTS_BEHALF, remote).fetchOne().get(0));
      assertEquals("tusk", who, settings);
    }
  }

  @Test
  void withoutDelegationTheServerHasNoTicketToLogInWith() throws Exception {
    String remote = fixture.conninfo17("gssencmode=require");
    for (String encryption : List.of("require", "disable")) {
      String settings = "gssdelegation=0 gssencmode=" + encryption;
      asTusk(
          settings,
          conn -> {
            var error =
                assertThrows(
                    ProhibitedSqlStatementAttempted.class,
                    () -> conn.execute(ON_THE_CLIENTS_BEHALF, remote),
                    settings);
            assertTrue(
                error.getMessage().contains("GSSAPI delegated credentials required"),
                error.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0), "still usable");
            return null;
          });
    }
  }

  /** What {@code action} makes of a connection to PostgreSQL 17 as tusk with {@code settings}. */
  private static <T> T asTusk(String settings, KerberosFixture.ConnectionAction<T> action)
      throws Exception {
    return KerberosFixture.connect(subject, fixture.conninfo17(settings), action);
  }
}
