package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecedenceTest {

  private static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("PGHOST", "envhost"),
          Map.entry("PGPORT", "7777"),
          Map.entry("PGUSER", "envuser"),
          Map.entry("PGPASSWORD", "envpassword"),
          Map.entry("PGDATABASE", "envdb"),
          Map.entry("PGAPPNAME", "envapp"),
          Map.entry("PGCONNECT_TIMEOUT", "11"),
          Map.entry("PGOPTIONS", "-c envoption=1"),
          Map.entry("PGSSLMODE", "require"),
          Map.entry("PGPASSFILE", "/env/pgpass"),
          Map.entry("PGSSLROOTCERT", "/env/root.crt"),
          Map.entry("PGSSLCERT", "/env/client.crt"),
          Map.entry("PGSSLKEY", "/env/client.key"));

  private static ConnectionSettings parse(String conninfo) {
    return ConnInfo.parse(conninfo, Environments.with(VARIABLES));
  }

  @Test
  void defaultsWithoutStringOrEnvironment() {
    ConnectionSettings settings = Environments.parse("");
    assertEquals(List.of(new HostPort("localhost", 5432)), settings.hosts());
    assertEquals("alice", settings.user());
    assertEquals("alice", settings.database());
    assertNull(settings.password());
    assertNull(settings.applicationName());
    assertNull(settings.options());
    assertEquals(Duration.ofSeconds(30), settings.connectTimeout());
    assertEquals(SslMode.PREFER, settings.sslMode());
    assertTrue(settings.keepalives());
    assertNull(settings.keepalivesIdle());
    assertNull(settings.keepalivesInterval());
    assertEquals(0, settings.keepalivesCount());
    assertEquals(TargetSessionAttrs.ANY, settings.targetSessionAttrs());
    assertFalse(settings.loadBalanceHosts());
    assertEquals(64 << 20, settings.maxMessageSize());
    assertEquals(100_000, settings.scramMaxIterations());
    assertEquals(Environments.HOME.resolve(".pgpass"), settings.passfile());
    assertEquals(Environments.HOME.resolve(".postgresql/root.crt"), settings.sslRootCert());
    assertEquals(Environments.HOME.resolve(".postgresql/postgresql.crt"), settings.sslCert());
    assertEquals(Environments.HOME.resolve(".postgresql/postgresql.key"), settings.sslKey());
    assertNull(settings.sslPassword());
  }

  @Test
  void environmentOverridesDefaults() {
    ConnectionSettings settings = parse("");
    assertEquals(List.of(new HostPort("envhost", 7777)), settings.hosts());
    assertEquals("envuser", settings.user());
    assertEquals("envdb", settings.database());
    assertEquals("envpassword", settings.password().reveal());
    assertEquals("envapp", settings.applicationName());
    assertEquals(Duration.ofSeconds(11), settings.connectTimeout());
    assertEquals("-c envoption=1", settings.options());
    assertEquals(SslMode.REQUIRE, settings.sslMode());
    assertEquals(Path.of("/env/pgpass"), settings.passfile());
    assertEquals(Path.of("/env/root.crt"), settings.sslRootCert());
    assertEquals(Path.of("/env/client.crt"), settings.sslCert());
    assertEquals(Path.of("/env/client.key"), settings.sslKey());
  }

  @Test
  void routingRequirementsComeFromTheEnvironmentUnlessTheStringOverrides() {
    var standby = Environments.with(Map.of("PGUSER", "u", "PGTARGETSESSIONATTRS", "standby"));
    assertEquals(TargetSessionAttrs.STANDBY, ConnInfo.parse("", standby).targetSessionAttrs());
    assertEquals(
        TargetSessionAttrs.ANY,
        ConnInfo.parse("target_session_attrs=any", standby).targetSessionAttrs());

    var random = Environments.with(Map.of("PGUSER", "u", "PGLOADBALANCEHOSTS", "random"));
    assertTrue(ConnInfo.parse("", random).loadBalanceHosts());
    assertFalse(ConnInfo.parse("load_balance_hosts=disable", random).loadBalanceHosts());
    var wrong = Environments.with(Map.of("PGUSER", "u", "PGLOADBALANCEHOSTS", "yes"));
    var error = assertThrows(ProgrammingError.class, () -> ConnInfo.parse("", wrong));
    assertTrue(error.getMessage().contains("PGLOADBALANCEHOSTS"), error.getMessage());
  }

  @Test
  void stringOverridesEnvironment() {
    ConnectionSettings settings =
        parse(
            "host=h port=1 user=u password=p dbname=d application_name=a connect_timeout=5"
                + " options=-cx=1 sslmode=disable passfile=/p target_session_attrs=any"
                + " sslrootcert=/r sslcert=/c sslkey=/k load_balance_hosts=disable");
    assertEquals(List.of(new HostPort("h", 1)), settings.hosts());
    assertEquals("u", settings.user());
    assertEquals("d", settings.database());
    assertEquals("p", settings.password().reveal());
    assertEquals("a", settings.applicationName());
    assertEquals(Duration.ofSeconds(5), settings.connectTimeout());
    assertEquals("-cx=1", settings.options());
    assertEquals(SslMode.DISABLE, settings.sslMode());
    assertEquals(Path.of("/p"), settings.passfile());
    assertEquals(TargetSessionAttrs.ANY, settings.targetSessionAttrs());
    assertEquals(Path.of("/r"), settings.sslRootCert());
    assertEquals(Path.of("/c"), settings.sslCert());
    assertEquals(Path.of("/k"), settings.sslKey());
    assertFalse(settings.loadBalanceHosts());
  }

  @Test
  void uriOverridesEnvironment() {
    ConnectionSettings settings = parse("postgresql://u:p@h:1/d");
    assertEquals(List.of(new HostPort("h", 1)), settings.hosts());
    assertEquals("u", settings.user());
    assertEquals("p", settings.password().reveal());
    assertEquals("d", settings.database());
  }

  @Test
  void environmentFillsPartsMissingFromUri() {
    ConnectionSettings settings = parse("postgresql:///d");
    assertEquals(List.of(new HostPort("envhost", 7777)), settings.hosts());
    assertEquals("envuser", settings.user());
  }

  @Test
  void databaseDefaultsToTheFinalUser() {
    ConnectionSettings settings = ConnInfo.parse("user=bob", Environments.empty());
    assertEquals("bob", settings.database());
    ConnectionSettings fromEnvironment =
        ConnInfo.parse("", Environments.with(Map.of("PGUSER", "carol")));
    assertEquals("carol", fromEnvironment.database());
  }

  @Test
  void emptyValueInStringHidesEnvironment() {
    ConnectionSettings settings = parse("host='' user='' password=''");
    assertEquals("localhost", settings.hosts().get(0).host());
    assertEquals("alice", settings.user());
    assertNull(settings.password());
  }

  @Test
  void emptyEnvironmentVariableMeansDefault() {
    ConnectionSettings settings =
        ConnInfo.parse("", Environments.with(Map.of("PGHOST", "", "PGPORT", "")));
    assertEquals(List.of(new HostPort("localhost", 5432)), settings.hosts());
  }

  @Test
  void applicationNameBeatsEnvironmentWhichBeatsFallback() {
    assertEquals("a", parse("application_name=a fallback_application_name=f").applicationName());
    assertEquals("envapp", parse("fallback_application_name=f").applicationName());
    assertEquals("f", Environments.parse("fallback_application_name=f").applicationName());
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    var error =
        assertThrows(
            ProgrammingError.class,
            () -> ConnInfo.parse("", Environments.with(Map.of("PGPORT", "abc"))));
    assertEquals(
        "invalid port \"abc\" in environment variable PGPORT: expected a number from 1 to 65535",
        error.getMessage());
  }

  @Test
  void badEnvironmentValueOverriddenByStringIsHarmless() {
    ConnectionSettings settings =
        ConnInfo.parse("sslmode=require", Environments.with(Map.of("PGSSLMODE", "bogus")));
    assertEquals(SslMode.REQUIRE, settings.sslMode());
  }

  @Test
  void unknownOperatingSystemUserNeedsExplicitUser() {
    Environment anonymous = new Environment(Map.of(), null, null);
    var error = assertThrows(ProgrammingError.class, () -> ConnInfo.parse("", anonymous));
    assertTrue(error.getMessage().contains("PGUSER"), error.getMessage());
    assertEquals("bob", ConnInfo.parse("user=bob", anonymous).user());
  }

  @Test
  void unknownHomeDirectoryMeansNoDefaultFiles() {
    ConnectionSettings settings = ConnInfo.parse("", new Environment(Map.of(), null, "alice"));
    assertNull(settings.passfile());
    assertNull(settings.sslRootCert());
    assertNull(settings.sslCert());
    assertNull(settings.sslKey());
  }

  @Test
  void systemEnvironmentIsReal() {
    Environment system = Environment.system();
    assertEquals(System.getenv(), system.variables());
    assertEquals(System.getProperty("user.name"), system.osUser());
  }
}
