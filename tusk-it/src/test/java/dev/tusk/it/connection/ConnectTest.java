package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidCatalogName;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Connecting to the real server: conninfo forms, IPv4, IPv6 and Unix-socket transports, host lists,
 * unknown databases, startup parameters, sslmode and unknown keywords.
 */
@TuskTest
class ConnectTest {

  @Test
  void keyValueConninfoConnectsAsTheNamedUser(PostgresServer server) {
    try (Connection conn = Tusk.connect(server.conninfo())) {
      assertEquals(server.superuser(), conn.execute("SELECT current_user").fetchOne().get(0));
      assertEquals(server.database(), conn.execute("SELECT current_database()").fetchOne().get(0));
    }
  }

  @Test
  void uriConninfoOverIpv4(PostgresServer server) {
    assumeTrue(server.embedded(), "only the embedded server is known to listen on 127.0.0.1");
    String uri = uri("127.0.0.1", server);
    try (Connection conn = Tusk.connect(uri)) {
      assertEquals(TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().get(0));
      assertEquals("127.0.0.1/32", clientAddress(conn));
    }
  }

  @Test
  void keyValueConninfoOverIpv6(PostgresServer server) {
    assumeTrue(server.embedded(), "only the embedded server is known to listen on ::1");
    try (Connection conn = Tusk.connect(server.conninfo() + " host=::1")) {
      assertEquals("::1/128", clientAddress(conn));
      assertEquals("::1", conn.info().host());
    }
  }

  @Test
  void uriConninfoOverIpv6InBrackets(PostgresServer server) {
    assumeTrue(server.embedded(), "only the embedded server is known to listen on ::1");
    try (Connection conn = Tusk.connect(uri("[::1]", server))) {
      assertEquals("::1/128", clientAddress(conn));
      assertEquals(server.port(), conn.info().port());
    }
  }

  @Test
  void unixSocketDirectoryAsHost(PostgresServer server) {
    assumeTrue(server.socketDirectory() != null, "an external server has no known socket");
    String directory = server.socketDirectory().toString();
    try (Connection conn = Tusk.connect(server.conninfo() + " host='" + directory + "'")) {
      // inet_client_addr() is NULL exactly when the session came over a Unix-domain socket.
      assertNull(conn.execute("SELECT inet_client_addr()").fetchOne().get(0));
      assertEquals(directory, conn.info().host());
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }

  @Test
  void secondHostIsTriedWhenTheFirstRefuses(PostgresServer server) throws IOException {
    int closedPort = closedPort();
    String conninfo =
        server.conninfo()
            + " host="
            + server.host()
            + ","
            + server.host()
            + " port="
            + closedPort
            + ","
            + server.port();
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(server.port(), conn.info().port());
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }

  @Test
  void unknownDatabaseIsInvalidCatalogName(PostgresServer server) {
    InvalidCatalogName error =
        assertThrows(
            InvalidCatalogName.class,
            () -> Tusk.connect(server.conninfo() + " dbname=tusk_no_such_database").close());
    assertEquals("3D000", error.sqlState());
    assertTrue(error.getMessage().contains("tusk_no_such_database"), error.getMessage());
  }

  @Test
  void applicationNameAndOptionsReachTheServer(PostgresServer server) {
    String conninfo =
        server.conninfo()
            + " application_name=tusk_connect_test options='-c statement_timeout=1234'";
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(
          "tusk_connect_test", conn.execute("SHOW application_name").fetchOne().getString(0));
      assertEquals("1234ms", conn.execute("SHOW statement_timeout").fetchOne().getString(0));
      assertEquals("tusk_connect_test", conn.info().parameter("application_name"));
    }
  }

  @Test
  void sslmodePreferFallsBackToPlainText(PostgresServer server) {
    assumeTrue(server.embedded(), "the embedded server has no TLS; an external one may");
    try (Connection conn = Tusk.connect(server.conninfo() + " sslmode=prefer")) {
      assertFalse(
          conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
              .fetchOne()
              .getBoolean(0));
    }
  }

  @Test
  void sslmodeRequireRefusesAServerWithoutTls(PostgresServer server) {
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Tusk.connect(server.conninfo() + " sslmode=require").close());
    assertTrue(error.getMessage().contains("does not support SSL"), error.getMessage());
    assertTrue(error.getMessage().contains("sslmode=require"), error.getMessage());
  }

  @Test
  void unknownKeywordIsProgrammingErrorNamingIt(PostgresServer server) {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> Tusk.connect(server.conninfo() + " tusk_frobnicate=1").close());
    assertTrue(error.getMessage().contains("tusk_frobnicate"), error.getMessage());
  }

  @Test
  void refusedSingleHostIsUnableToEstablish(PostgresServer server) throws IOException {
    int closedPort = closedPort();
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Tusk.connect(server.conninfo() + " host=127.0.0.1 port=" + closedPort).close());
    assertEquals("08001", error.sqlState());
    assertTrue(error.isRetrySafe());
    assertTrue(error.getMessage().contains(Integer.toString(closedPort)), error.getMessage());
    assertInstanceOf(IOException.class, error.getCause());
  }

  /** A URI for the SCRAM role, whose password makes it work whatever pg_hba.conf says. */
  private static String uri(String host, PostgresServer server) {
    return "postgresql://"
        + TestRole.SCRAM.user()
        + ":"
        + TestRole.SCRAM.password()
        + "@"
        + host
        + ":"
        + server.port()
        + "/"
        + server.database();
  }

  private static String clientAddress(Connection conn) {
    return conn.execute("SELECT inet_client_addr()::text").fetchOne().getString(0);
  }

  /** A loopback port nothing listens on: bound, then closed again. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
