package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.Tusk;
import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.OAuthValidator;
import dev.tusk.testing.ScratchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * PostgreSQL 18's {@code oauth} authentication through {@link TuskDataSource}: its token supplier
 * answers a real server (zonky's 18.1 with the test validator module of {@code
 * .ci/oauth-validator}), also under HikariCP. Skipped, saying why, where the validator could not be
 * built or the PostgreSQL 18 binaries cannot run.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class OAuthDataSourceTest {

  private static final String ISSUER = "https://issuer.example/tusk";

  private static ScratchServer postgres18;

  @BeforeAll
  static void startPostgres18WithTheValidator() {
    String jar = System.getProperty("tusk.postgres18.binaries");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no PostgreSQL 18 binaries");
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && System.getProperty("os.arch").equals("amd64"),
        "the PostgreSQL 18 binaries are for Linux on x86-64");
    Optional<Path> validator = OAuthValidator.find();
    assumeTrue(validator.isPresent(), OAuthValidator::missing);
    String hba =
        "local all all trust\n"
            + "host all postgres 127.0.0.1/32 trust\n"
            + "host all all 127.0.0.1/32 oauth issuer=\""
            + ISSUER
            + "\" scope=\"openid\" delegate_ident_mapping=1\n";
    postgres18 =
        ScratchServer.start(
            Path.of(jar), Map.of("oauth_validator_libraries", validator.get().toString()), hba);
    try (var superuser = Tusk.connect(postgres18.conninfo() + " sslmode=disable")) {
      superuser.execute("CREATE ROLE alice LOGIN");
    }
  }

  @AfterAll
  static void stopPostgres18() {
    if (postgres18 != null) {
      postgres18.close();
    }
  }

  /** alice's data source, trusting {@link #ISSUER}, with a secret that must never be shown. */
  private static TuskDataSource alice() {
    TuskDataSource dataSource = new TuskDataSource();
    dataSource.setUrl(
        "jdbc:tusk:postgresql://127.0.0.1:"
            + postgres18.port()
            + "/postgres?sslmode=disable&oauth_issuer="
            + ISSUER
            + "&oauth_client_secret=very-secret");
    dataSource.setUser("alice");
    return dataSource;
  }

  @Test
  void theSuppliersTokenLogsInAsTheMappedIdentity() throws Exception {
    TuskDataSource dataSource = alice();
    AtomicInteger asked = new AtomicInteger();
    dataSource.setOAuthTokenSupplier(
        request -> {
          asked.incrementAndGet();
          assertEquals(ISSUER, request.issuer());
          assertEquals("very-secret", request.clientSecret());
          return OAuthValidator.TOKEN;
        });
    try (Connection conn = dataSource.getConnection();
        Statement statement = conn.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_user, system_user")) {
      assertTrue(row.next());
      assertEquals("alice", row.getString(1));
      assertEquals("oauth:" + OAuthValidator.IDENTITY, row.getString(2));
    }
    assertEquals(1, asked.get());
    assertFalse(dataSource.toString().contains("very-secret"), dataSource.toString());
  }

  @Test
  void aRejectedTokenIsTheServersInvalidAuthorization() {
    TuskDataSource dataSource = alice();
    dataSource.setOAuthTokenSupplier(request -> "not-the-token");
    SQLInvalidAuthorizationSpecException error =
        assertThrows(SQLInvalidAuthorizationSpecException.class, dataSource::getConnection);
    assertEquals("28000", error.getSQLState());
    assertFalse(error.getMessage().contains("not-the-token"), error.getMessage());
  }

  @Test
  void hikariOverTheDataSourceAsksTheSupplierForEachConnection() throws Exception {
    TuskDataSource dataSource = alice();
    AtomicInteger asked = new AtomicInteger();
    dataSource.setOAuthTokenSupplier(
        request -> {
          asked.incrementAndGet();
          return OAuthValidator.TOKEN;
        });
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMinimumIdle(2);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection first = pool.getConnection();
        Connection second = pool.getConnection();
        Statement statement = second.createStatement();
        ResultSet row = statement.executeQuery("SELECT system_user")) {
      assertTrue(row.next());
      assertEquals("oauth:" + OAuthValidator.IDENTITY, row.getString(1));
      assertFalse(first.isClosed());
    }
    assertTrue(asked.get() >= 2, "asked " + asked.get() + " times for two connections");
  }
}
