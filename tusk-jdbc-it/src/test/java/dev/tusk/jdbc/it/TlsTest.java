package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestCertificates;
import dev.tusk.testing.TlsServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * tusk-jdbc over TLS: pgjdbc's ssl properties reach Tusk, against the embedded server with its
 * generated certificates ({@link TlsServer}, as tusk-it's TLS tests use it).
 */
class TlsTest {

  private static TlsServer server;
  private static TestCertificates certificates;

  @BeforeAll
  static void server() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PostgresServer.get().embedded(), "the TLS server is embedded only");
    server = TlsServer.get();
    certificates = server.certificates();
  }

  private static String url(String host, String user, String query) {
    return "jdbc:tusk:postgresql://"
        + host
        + ":"
        + server.port()
        + "/postgres?user="
        + user
        + "&connectTimeout=10&"
        + query;
  }

  private static boolean usesTls(Connection connection) throws SQLException {
    try (ResultSet row =
        connection
            .createStatement()
            .executeQuery(
                "SELECT ssl, current_user FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
      assertTrue(row.next());
      return row.getBoolean(1);
    }
  }

  @Test
  void verifyFullWithTheRightAuthorityConnects() throws SQLException {
    String ca = certificates.caCertificate().toString();
    try (Connection connection =
        DriverManager.getConnection(
            url("localhost", TlsServer.TLS_ONLY_USER, "sslmode=verify-full&sslrootcert=" + ca))) {
      assertTrue(usesTls(connection));
    }
    // pgjdbc's ssl=true is verify-full too.
    try (Connection connection =
        DriverManager.getConnection(
            url("localhost", TlsServer.TLS_ONLY_USER, "ssl=true&sslrootcert=" + ca))) {
      assertTrue(usesTls(connection));
    }
    // And through the data source.
    TuskDataSource source = new TuskDataSource();
    source.setUrl(url("localhost", TlsServer.TLS_ONLY_USER, "sslrootcert=" + ca));
    source.setSslmode("verify-full");
    try (Connection connection = source.getConnection()) {
      assertTrue(usesTls(connection));
    }
  }

  @Test
  void aWrongAuthorityOrHostIsRefusedAsAConnectionFailure() {
    SQLException wrongCa =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                        url(
                            "localhost",
                            TlsServer.TLS_ONLY_USER,
                            "sslmode=verify-full&sslrootcert=" + certificates.otherCaCertificate()))
                    .close());
    assertInstanceOf(SQLNonTransientConnectionException.class, wrongCa);
    assertEquals("08001", wrongCa.getSQLState());
    assertTrue(wrongCa.getMessage().contains("TLS handshake"), wrongCa.getMessage());
    // The certificate names localhost, not 127.0.0.1: verify-full checks the name.
    SQLException wrongHost =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                        url(
                            "127.0.0.1",
                            TlsServer.TLS_ONLY_USER,
                            "sslmode=verify-full&sslrootcert=" + certificates.caCertificate()))
                    .close());
    assertInstanceOf(SQLNonTransientConnectionException.class, wrongHost);
    assertEquals("08001", wrongHost.getSQLState());
  }

  @Test
  void aRevocationListIsHonoured() {
    String query =
        "sslmode=verify-full&sslrootcert="
            + certificates.caCertificate()
            + "&sslcrl="
            + certificates.revocationListRevokingServer();
    SQLException revoked =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(url("localhost", TlsServer.TLS_ONLY_USER, query))
                    .close());
    assertTrue(revoked.getMessage().contains("revoked"), revoked.getMessage());
  }

  @Test
  void aClientCertificateLogsIn() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("sslmode", "verify-full");
    properties.setProperty("sslrootcert", certificates.caCertificate().toString());
    properties.setProperty("sslcert", certificates.clientCertificate().toString());
    properties.setProperty("sslkey", certificates.clientKeyEncrypted().toString());
    properties.setProperty("sslpassword", TestCertificates.PASSWORD);
    try (Connection connection =
            DriverManager.getConnection(url("localhost", TlsServer.CERT_USER, ""), properties);
        ResultSet user = connection.createStatement().executeQuery("SELECT current_user")) {
      assertTrue(user.next());
      assertEquals(TlsServer.CERT_USER, user.getString(1));
    }
    properties.setProperty("sslpassword", "not-the-passphrase");
    SQLException wrong =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(url("localhost", TlsServer.CERT_USER, ""), properties)
                    .close());
    assertTrue(wrong.getMessage().contains("sslpassword"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("not-the-passphrase"), wrong.getMessage());
  }

  @Test
  void channelBindingIsRequiredOverTls() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("password", TlsServer.PASSWORD);
    properties.setProperty("sslmode", "require");
    properties.setProperty("sslrootcert", Path.of("no-such-root.crt").toAbsolutePath().toString());
    properties.setProperty("channel_binding", "require");
    try (Connection connection =
        DriverManager.getConnection(url("localhost", TlsServer.SCRAM_USER, ""), properties)) {
      assertTrue(usesTls(connection));
    }
    properties.setProperty("sslmode", "disable");
    SQLException plain =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(url("localhost", TlsServer.SCRAM_USER, ""), properties)
                    .close());
    // Without TLS there is nothing to bind to: refused before the password is used.
    assertInstanceOf(SQLInvalidAuthorizationSpecException.class, plain);
    assertEquals("28000", plain.getSQLState());
    assertTrue(plain.getMessage().contains("channel_binding"), plain.getMessage());
  }
}
