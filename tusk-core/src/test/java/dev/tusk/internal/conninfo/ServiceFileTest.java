package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code service}, PGSERVICE, and the service files libpq reads, in libpq's order. */
class ServiceFileTest {

  @TempDir Path home;
  @TempDir Path sysconf;

  private Path userFile;
  private Path systemFile;

  @BeforeEach
  void files() {
    userFile = home.resolve(".pg_service.conf");
    systemFile = sysconf.resolve("pg_service.conf");
  }

  @Test
  void aServiceSuppliesSettingsTheStringDoesNotGive() throws IOException {
    write(
        userFile,
        "# production",
        "[other]",
        "host=elsewhere",
        "",
        "  [prod]  ",
        "host=db1,db2",
        "port=5433",
        "  dbname=app",
        "target_session_attrs=read-write",
        "[after]",
        "user=nobody");
    ConnectionSettings settings = parse("service=prod user=bob dbname=mine", Map.of());
    assertEquals(List.of(new HostPort("db1", 5433), new HostPort("db2", 5433)), settings.hosts());
    assertEquals("mine", settings.database(), "the string wins over the service");
    assertEquals("bob", settings.user(), "the next group is not read");
    assertEquals(TargetSessionAttrs.READ_WRITE, settings.targetSessionAttrs());
  }

  @Test
  void theServiceWinsOverEnvironmentVariables() throws IOException {
    write(userFile, "[prod]", "host=db1");
    ConnectionSettings settings =
        parse("", Map.of("PGSERVICE", "prod", "PGHOST", "envhost", "PGPORT", "7777"));
    assertEquals(List.of(new HostPort("db1", 7777)), settings.hosts());
  }

  @Test
  void servicefileThenPgservicefileThenTheHomeFile() throws IOException {
    Path named = home.resolve("named.conf");
    Path fromVariable = home.resolve("variable.conf");
    write(named, "[s]", "host=named");
    write(fromVariable, "[s]", "host=variable");
    write(userFile, "[s]", "host=home");
    String file = " servicefile='" + named + "'";
    Map<String, String> variable = Map.of("PGSERVICEFILE", fromVariable.toString());
    assertEquals("named", parse("service=s" + file, variable).hosts().get(0).host());
    assertEquals("variable", parse("service=s", variable).hosts().get(0).host());
    assertEquals("home", parse("service=s", Map.of()).hosts().get(0).host());
  }

  @Test
  void theSystemFileIsReadWhenTheUserFileLacksTheService() throws IOException {
    write(userFile, "[mine]", "host=user");
    write(systemFile, "[shared]", "host=system", "[mine]", "host=not-read");
    assertEquals("system", parse("service=shared", Map.of()).hosts().get(0).host());
    assertEquals("user", parse("service=mine", Map.of()).hosts().get(0).host());
    Files.delete(userFile);
    assertEquals("not-read", parse("service=mine", Map.of()).hosts().get(0).host());
  }

  @Test
  void anUndefinedServiceIsAnErrorNamingTheFilesSearched() throws IOException {
    write(userFile, "[prod]", "host=db1");
    var error =
        assertThrows(ProgrammingError.class, () -> parse("", Map.of("PGSERVICE", "staging")));
    assertTrue(
        error
            .getMessage()
            .contains(
                "definition of service \"staging\" (environment variable PGSERVICE) not found in "
                    + userFile
                    + " or "
                    + systemFile),
        error.getMessage());
  }

  @Test
  void badLinesAreErrorsNamingFileAndLineNeverTheValue() throws IOException {
    write(userFile, "[a]", "host=db1", "password hunter2", "[b]", "port=x", "[c]", "colour=red");
    var syntax = assertThrows(ProgrammingError.class, () -> parse("service=a", Map.of()));
    assertTrue(
        syntax.getMessage().contains("syntax error in service file \"" + userFile + "\", line 3"),
        syntax.getMessage());
    assertFalse(syntax.getMessage().contains("hunter2"), syntax.getMessage());
    var port = assertThrows(ProgrammingError.class, () -> parse("service=b", Map.of()));
    assertTrue(
        port.getMessage()
            .contains("invalid port \"x\" in service file \"" + userFile + "\", line 5"),
        port.getMessage());
    var unknown = assertThrows(ProgrammingError.class, () -> parse("service=c", Map.of()));
    assertTrue(unknown.getMessage().contains("unknown keyword \"colour\""), unknown.getMessage());
  }

  @Test
  void aPasswordFromTheServiceIsUsedButNeverShown() throws IOException {
    write(userFile, "[p]", "password=s3cr3t-from-file");
    ConnectionSettings settings = parse("service=p", Map.of());
    assertEquals("s3cr3t-from-file", settings.password().reveal());
    assertFalse(settings.toString().contains("s3cr3t"), settings.toString());
  }

  @Test
  void nestedServicesAndUnsupportedFeaturesAreRefused() throws IOException {
    write(userFile, "[n]", "service=other", "[g]", "gsslib=sspi", "[ok]", "gsslib=gssapi");
    var nested = assertThrows(ProgrammingError.class, () -> parse("service=n", Map.of()));
    assertTrue(nested.getMessage().contains("nested service"), nested.getMessage());
    var gss = assertThrows(FeatureNotSupported.class, () -> parse("service=g", Map.of()));
    assertTrue(gss.getMessage().contains("in service file"), gss.getMessage());
    assertEquals("alice", parse("service=ok", Map.of()).user());
  }

  private ConnectionSettings parse(String conninfo, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("PGSYSCONFDIR", sysconf.toString());
    return ConnInfo.parse(conninfo, new Environment(all, home, "alice"));
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.write(file, List.of(lines));
  }
}
