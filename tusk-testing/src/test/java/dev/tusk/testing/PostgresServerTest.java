package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresServerTest {

  private final PostgresServer server = PostgresServer.get();

  @Test
  void sameServerAsOtherTestClasses() throws SQLException {
    ServerSightings.recordAndCheck(PostgresServerTest.class);
  }

  @Test
  void concurrentFirstCallersShareOneServer() throws Exception {
    List<Future<PostgresServer>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Callable<PostgresServer> get = PostgresServer::get;
      for (int i = 0; i < 16; i++) {
        results.add(threads.submit(get));
      }
    }
    for (Future<PostgresServer> result : results) {
      assertSame(server, result.get());
    }
  }

  @Test
  void embeddedServerIsPostgres17() throws SQLException {
    assumeTrue(System.getenv(PostgresServer.URL_VARIABLE) == null, "TUSK_TEST_URL is set");
    assertTrue(server.embedded());
    assertTrue(Jdbc.value("SHOW server_version").startsWith("17"));
    assertEquals(17, server.serverVersionNum() / 10000);
    assertEquals("localhost", server.host());
    assertEquals("postgres", server.superuser());
    assertEquals("postgres", server.database());
  }

  @Test
  void serverVersionNumComesFromTheServer() throws SQLException {
    assertEquals(
        Jdbc.value("SHOW server_version_num"), Integer.toString(server.serverVersionNum()));
  }

  @Test
  void superuserConninfoNamesTheServer() {
    Map<String, String> params = Conninfo.parse(server.conninfo());
    assertEquals(server.host(), params.get("host"));
    assertEquals(Integer.toString(server.port()), params.get("port"));
    assertEquals(server.superuser(), params.get("user"));
    assertEquals(server.database(), params.get("dbname"));
  }

  @ParameterizedTest
  @EnumSource(TestRole.class)
  void roleConninfoCarriesTheRolesCredentials(TestRole role) {
    Map<String, String> params = Conninfo.parse(server.conninfo(role));
    assertEquals(role.user(), params.get("user"));
    assertEquals(role.password(), params.get("password"));
    assertEquals(Integer.toString(server.port()), params.get("port"));
  }

  @ParameterizedTest
  @EnumSource(TestRole.class)
  void everyRoleLogsInAndMayCreateDatabasesButIsNoSuperuser(TestRole role) throws SQLException {
    assertEquals(
        List.of("t t f"),
        Jdbc.column(
            "SELECT concat_ws(' ', rolcanlogin, rolcreatedb, rolsuper) FROM pg_roles"
                + " WHERE rolname = ?",
            role.user()));
    try (Connection connection = server.jdbc(role.user(), role.password())) {
      assertEquals(List.of(role.user()), Jdbc.column(connection, "SELECT current_user"));
    }
  }

  @Test
  void storedPasswordsHaveTheKindEachMethodNeeds() throws SQLException {
    String hash = "SELECT rolpassword FROM pg_authid WHERE rolname = ?";
    assertTrue(Jdbc.value(hash, TestRole.MD5.user()).startsWith("md5"));
    assertTrue(Jdbc.value(hash, TestRole.SCRAM.user()).startsWith("SCRAM-SHA-256$"));
    assertTrue(Jdbc.value(hash, TestRole.PASSWORD.user()).startsWith("SCRAM-SHA-256$"));
    assertNull(Jdbc.value(hash, TestRole.TRUST.user()));
  }

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void wrongPasswordIsRejected(TestRole role) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf does not check the test passwords");
    SQLException rejected =
        assertThrows(SQLException.class, () -> server.jdbc(role.user(), "not-" + role.password()));
    assertEquals("28P01", rejected.getSQLState());
  }

  @Test
  void embeddedServerEnforcesPasswords() {
    assumeTrue(server.embedded());
    assertTrue(server.enforcesPasswords());
  }

  @Test
  void unixSocketIsInTheSocketDirectory() throws SQLException {
    assumeTrue(server.embedded());
    assertTrue(Files.exists(server.socketDirectory().resolve(".s.PGSQL." + server.port())));
    assertEquals(server.socketDirectory().toString(), Jdbc.value("SHOW unix_socket_directories"));
  }

  @Test
  void externalServerHasNoSocketDirectory() {
    assumeTrue(!server.embedded());
    assertNull(server.socketDirectory());
  }

  @Test
  void embeddedServerRunsWithoutFsync() throws SQLException {
    assumeTrue(server.embedded());
    assertEquals("off", Jdbc.value("SHOW fsync"));
  }

  @Test
  void hbaRulesSendEachRoleToItsMethodBeforeTheTrustCatchAll() throws SQLException {
    assumeTrue(server.embedded());
    List<String> rules =
        Jdbc.column(
            "SELECT concat_ws(' ', type, user_name[1], address, auth_method)"
                + " FROM pg_hba_file_rules ORDER BY rule_number");
    List<String> expected = new ArrayList<>();
    for (String address : new String[] {null, "127.0.0.1", "::1"}) {
      String type = address == null ? "local" : "host";
      for (TestRole role : TestRole.values()) {
        expected.add(String.join(" ", nonNull(type, role.user(), address, role.method())));
      }
      expected.add(String.join(" ", nonNull(type, "all", address, "trust")));
    }
    assertEquals(expected, rules);
  }

  private static List<String> nonNull(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String part : parts) {
      if (part != null) {
        kept.add(part);
      }
    }
    return kept;
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1, SCRAM", "127.0.0.1, TRUST", "::1, SCRAM", "::1, TRUST"})
  void listensOnBothLoopbackAddresses(String address, TestRole role) throws Exception {
    assumeTrue(server.embedded());
    assumeTrue(bindable(address), address + " is not configured on this machine");
    Endpoint loopback =
        new Endpoint(address, server.port(), "postgres", "postgres", null, Map.of());
    try (Connection connection = loopback.jdbc(role.user(), role.password(), "postgres")) {
      assertEquals(List.of(address), Jdbc.column(connection, "SELECT host(inet_server_addr())"));
    }
  }

  private static boolean bindable(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void createdDatabaseExistsUntilDropped() throws SQLException {
    String name = server.createDatabase();
    String exists = "SELECT datname FROM pg_database WHERE datname = ?";
    assertTrue(name.matches("tusk_db_[0-9a-f]{8}"), name);
    assertEquals(List.of(name), Jdbc.column(exists, name));
    server.dropDatabase(name);
    assertEquals(List.of(), Jdbc.column(exists, name));
  }

  @Test
  void droppingAMissingDatabaseIsHarmless() throws SQLException {
    server.dropDatabase("tusk_db_never_created");
    assertEquals(
        List.of(),
        Jdbc.column("SELECT datname FROM pg_database WHERE datname = 'tusk_db_never_created'"));
  }

  @Test
  void descriptionShowsNoPassword() {
    String text = server.toString();
    assertTrue(text.contains(Integer.toString(server.port())), text);
    for (TestRole role : TestRole.values()) {
      assertFalse(role.password() != null && text.contains(role.password()), text);
    }
  }
}
