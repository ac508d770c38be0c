package dev.tusk.it.gss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PostgresServer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GSSAPI session encryption ({@code gssencmode}) against a real KDC and PostgreSQL 15: database
 * {@code gssenc_only} has a {@code hostgssenc} rule alone, so a session there is encrypted or
 * refused; database {@code postgres} has a {@code host} rule. The embedded PostgreSQL 17 is built
 * without GSSAPI and answers GSSENCRequest with 'N'.
 */
class GssEncryptionTest {

  private static final String ENCRYPTION =
      "SELECT encrypted, principal FROM pg_stat_gssapi WHERE pid = pg_backend_pid()";

  private static KerberosFixture fixture;
  private static Subject subject;

  @BeforeAll
  static void start() throws Exception {
    fixture = KerberosFixture.shared();
    subject = fixture.login();
  }

  @Test
  void requireOnAHostgssencOnlyRuleGivesAnEncryptedSession() throws Exception {
    Row row =
        asTusk(
            "dbname=gssenc_only gssencmode=require require_auth=gss",
            conn -> conn.execute(ENCRYPTION).fetchOne());
    assertEquals(true, row.get(0));
    assertEquals(KerberosFixture.CLIENT, row.get(1));
  }

  @Test
  void theDefaultEncryptsWhenTheCallerHasATicket() throws Exception {
    assertEquals(
        true, asTusk("dbname=gssenc_only", conn -> conn.execute(ENCRYPTION).fetchOne().get(0)));
    assertEquals(true, asTusk("", conn -> conn.execute(ENCRYPTION).fetchOne().get(0)));
    assertEquals(
        false,
        asTusk("gssencmode=disable", conn -> conn.execute(ENCRYPTION).fetchOne().get(0)),
        "disable authenticates by gss over plain text");
  }

  @Test
  void disableAgainstAHostgssencOnlyRuleFailsWithTheServersError() {
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> asTusk("dbname=gssenc_only gssencmode=disable", conn -> null));
    assertTrue(error.getMessage().contains("no pg_hba.conf entry"), error.getMessage());
    assertTrue(error.getMessage().contains("no encryption"), error.getMessage());
  }

  @Test
  void delegationIsRequestedAndAServerThatIgnoresItStillLogsIn() throws Exception {
    // PostgreSQL 15 accepts delegated credentials without storing them (pg_stat_gssapi has no
    // credentials_delegated column before 16), so the login is what can be checked here;
    // GssDelegationTest checks what PostgreSQL 17 receives.
    for (String mode : new String[] {"require", "disable"}) {
      Row row =
          asTusk("gssdelegation=1 gssencmode=" + mode, conn -> conn.execute(ENCRYPTION).fetchOne());
      assertEquals(mode.equals("require"), row.get(0), mode);
      assertEquals(KerberosFixture.CLIENT, row.get(1), mode);
    }
  }

  @Test
  void megabytesTravelIntactBothWays() throws Exception {
    asTusk(
        "dbname=gssenc_only gssencmode=require",
        conn -> {
          long rows = 0;
          long characters = 0;
          for (Row row :
              conn.execute(
                  "SELECT g, repeat(chr(65 + g % 26), 1000) FROM generate_series(1, 6000) g")) {
            int g = row.getInt(0);
            String text = row.getString(1);
            assertEquals(1000, text.length());
            assertEquals((char) (65 + g % 26), text.charAt(999));
            rows++;
            characters += text.length();
          }
          assertEquals(6000, rows);
          assertEquals(6_000_000, characters);

          byte[] payload = new byte[4 << 20];
          new Random(42).nextBytes(payload);
          Row echoed = conn.execute("SELECT $1::bytea, md5($1::bytea)", payload).fetchOne();
          assertArrayEquals(payload, echoed.getBytes(0));
          assertEquals(md5(payload), echoed.getString(1));
          return null;
        });
  }

  @Test
  void copyInOfMegabytesArrivesWhole() throws Exception {
    asTusk(
        "dbname=gssenc_only gssencmode=require",
        conn -> {
          conn.execute("CREATE TEMP TABLE lines (id int, payload text)");
          StringBuilder expected = new StringBuilder();
          try (Copy copy = conn.cursor().copy("COPY lines FROM STDIN")) {
            for (int i = 0; i < 3000; i++) {
              String payload =
                  Integer.toString(i).repeat(1 + 1000 / (1 + Integer.toString(i).length()));
              expected.append(payload);
              copy.write(i + "\t" + payload + "\n");
            }
            copy.finish();
          }
          Row row =
              conn.execute("SELECT count(*), md5(string_agg(payload, '' ORDER BY id)) FROM lines")
                  .fetchOne();
          assertEquals(3000L, row.get(0));
          assertEquals(md5(expected.toString().getBytes()), row.getString(1));
          return null;
        });
  }

  @Test
  void aTimeoutCancelsAStatementOnAnEncryptedSession() throws Exception {
    asTusk(
        "dbname=gssenc_only gssencmode=require",
        conn -> {
          long start = System.nanoTime();
          var error =
              assertThrows(
                  QueryCanceled.class,
                  () ->
                      conn.execute(
                          Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(300))));
          assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "promptly");
          assertEquals("57014", error.sqlState());
          assertEquals(true, conn.execute(ENCRYPTION).fetchOne().get(0), "still usable");
          return null;
        });
  }

  @Test
  void concurrentCallersShareAnEncryptedSession() throws Exception {
    asTusk(
        "dbname=gssenc_only gssencmode=require",
        conn -> {
          try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> sums = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
              int caller = t;
              Callable<Integer> work =
                  () -> {
                    int sum = 0;
                    for (int i = 0; i < 100; i++) {
                      String text = "caller " + caller + " row " + i + " " + "z".repeat(i * 50);
                      Row row = conn.execute("SELECT $1::int * 2, $2::text", i, text).fetchOne();
                      assertEquals(text, row.getString(1));
                      sum += row.getInt(0);
                    }
                    return sum;
                  };
              sums.add(threads.submit(work));
            }
            for (Future<Integer> sum : sums) {
              assertEquals(2 * 4950, sum.get());
            }
          }
          return null;
        });
  }

  @Test
  void preferGoesOnWithoutWhenTheServerHasNoGssapi() throws Exception {
    // The caller has a ticket, so prefer asks; the embedded server answers 'N'.
    PostgresServer server = PostgresServer.get();
    for (String sslmode : new String[] {"prefer", "disable", "allow"}) {
      Object one =
          KerberosFixture.as(
              subject,
              () -> {
                try (Connection conn =
                    Tusk.connect(server.conninfo() + " gssencmode=prefer sslmode=" + sslmode)) {
                  return conn.execute("SELECT 1").fetchOne().get(0);
                }
              });
      assertEquals(1, one, sslmode);
    }
  }

  @Test
  void requireAgainstAServerWithoutGssapiFailsClearly() {
    PostgresServer server = PostgresServer.get();
    var error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Tusk.connect(server.conninfo() + " gssencmode=require sslmode=require").close());
    assertTrue(
        error.getMessage().contains("does not support GSSAPI encryption, but gssencmode=require"),
        error.getMessage());
  }

  @Test
  void requireWithoutCredentialsNamesTheFix() {
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> Tusk.connect(fixture.conninfo("dbname=gssenc_only gssencmode=require")).close());
    assertTrue(error.getMessage().contains("GSSAPI encryption"), error.getMessage());
    assertTrue(error.getMessage().contains("Subject.doAs"), error.getMessage());
  }

  /** What {@code action} makes of a connection opened as tusk with {@code settings}. */
  private static <T> T asTusk(String settings, KerberosFixture.ConnectionAction<T> action)
      throws Exception {
    return KerberosFixture.connect(subject, fixture.conninfo(settings), action);
  }

  private static String md5(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
  }
}
