package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Environment;
import dev.tusk.internal.conninfo.HostPort;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order of encryption methods for each {@code gssencmode} and {@code sslmode}, as libpq 17
 * builds it, with and without Kerberos credentials at hand (a ticket in the current Subject).
 */
class EncryptionPlanTest {

  private static final HostPort TCP = new HostPort("db.example", 5432);

  @ParameterizedTest(name = "gssencmode={0} sslmode={1}: {2} with a ticket, {3} without")
  @CsvSource({
    "disable, disable, PLAIN,           PLAIN",
    "disable, prefer,  TLS PLAIN,       TLS PLAIN",
    "prefer,  disable, GSS PLAIN,       PLAIN",
    "prefer,  allow,   GSS PLAIN TLS,   PLAIN TLS",
    "prefer,  prefer,  GSS TLS PLAIN,   TLS PLAIN",
    "prefer,  require, GSS TLS,         TLS",
    "require, disable, GSS,             GSS",
    "require, require, GSS,             GSS",
    "require, verify-full, GSS,         GSS"
  })
  void methodsInLibpqsOrder(String gss, String ssl, String withTicket, String without)
      throws Exception {
    ConnectionSettings settings = settings("gssencmode=" + gss + " sslmode=" + ssl);
    assertEquals(methods(without), Encryption.plan(settings, TCP));
    assertEquals(
        methods(withTicket),
        Subject.callAs(subjectWithTicket(), () -> Encryption.plan(settings, TCP)));
  }

  @Test
  void preferDoesNotAskWhenRequireAuthRefusesGss() throws Exception {
    ConnectionSettings settings = settings("require_auth=scram-sha-256");
    assertEquals(
        methods("TLS PLAIN"),
        Subject.callAs(subjectWithTicket(), () -> Encryption.plan(settings, TCP)));
  }

  @Test
  void aUnixSocketIsNeverEncryptedAndRequireFailsThere() {
    HostPort socket = new HostPort("/run/postgresql", 5432);
    assertEquals(methods("PLAIN"), Encryption.plan(settings("sslmode=require"), socket));
    var error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Encryption.plan(settings("gssencmode=require"), socket));
    assertTrue(error.getMessage().contains("Unix-domain socket"), error.getMessage());
  }

  private static ConnectionSettings settings(String conninfo) {
    return ConnInfo.parse("host=db.example " + conninfo, new Environment(Map.of(), null, "alice"));
  }

  private static List<Encryption> methods(String names) {
    return Arrays.stream(names.trim().split(" +")).map(Encryption::valueOf).toList();
  }

  /** A Subject holding a (made-up) ticket-granting ticket: what a Kerberos login leaves. */
  private static Subject subjectWithTicket() {
    Date now = new Date();
    KerberosTicket ticket =
        new KerberosTicket(
            new byte[] {1},
            new KerberosPrincipal("tusk@TUSK.TEST"),
            new KerberosPrincipal("krbtgt/TUSK.TEST@TUSK.TEST"),
            new byte[16],
            17,
            new boolean[32],
            now,
            now,
            new Date(now.getTime() + 3_600_000),
            null,
            null);
    Subject subject = new Subject();
    subject.getPrivateCredentials().add(ticket);
    return subject;
  }
}
