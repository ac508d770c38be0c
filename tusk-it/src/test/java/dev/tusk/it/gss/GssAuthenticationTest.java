package dev.tusk.it.gss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GSSAPI (Kerberos V5) authentication against a real KDC and a PostgreSQL built with GSSAPI. */
class GssAuthenticationTest {

  private static KerberosFixture fixture;
  private static Subject subject;

  @BeforeAll
  static void start() throws Exception {
    fixture = KerberosFixture.shared();
    subject = fixture.login();
  }

  @Test
  void logsInWithTheSubjectsTicketAndRunsAQuery() throws Exception {
    String user =
        KerberosFixture.as(
            subject,
            () -> {
              try (Connection conn = Tusk.connect(fixture.conninfo("require_auth=gss"))) {
                return (String) conn.execute("SELECT current_user").fetchOne().get(0);
              }
            });
    assertEquals("tusk", user);
  }

  @Test
  void logsInFromTheTicketCacheWhenSubjectCredentialsAreNotRequired() throws Exception {
    String output = fixture.loginFromTicketCache("require_auth=gss");
    assertTrue(output.contains("current_user=tusk") && output.endsWith("exit=0"), output);
  }

  @Test
  void wrongServiceNameIsATypedErrorNamingIt() {
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class, () -> connectAsTusk("krbsrvname=nosuch"));
    assertTrue(error.getMessage().contains("nosuch/localhost"), error.getMessage());
    assertTrue(error.getMessage().contains("krbsrvname"), error.getMessage());
  }

  @Test
  void noCredentialsIsATypedErrorNamingTheFix() {
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> Tusk.connect(fixture.conninfo("")).close());
    assertTrue(error.getMessage().contains("Subject.doAs"), error.getMessage());
  }

  @Test
  void requireAuthThatExcludesGssRefusesIt() {
    for (String policy : new String[] {"require_auth=!gss", "require_auth=scram-sha-256"}) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class, () -> connectAsTusk(policy), policy);
      assertTrue(
          error.getMessage().contains("server requested GSSAPI authentication"),
          error.getMessage());
    }
  }

  /** Connects and disconnects as the Subject holding tusk's ticket. */
  private static void connectAsTusk(String settings) throws Exception {
    KerberosFixture.as(
        subject,
        () -> {
          Tusk.connect(fixture.conninfo(settings)).close();
          return null;
        });
  }
}
