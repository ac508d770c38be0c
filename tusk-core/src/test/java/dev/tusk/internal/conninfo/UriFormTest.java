package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UriFormTest {

  @Test
  void readsEveryPart() {
    ConnectionSettings settings =
        parse("postgresql://bob:pw@db.example.com:6432/app?application_name=tool");
    assertEquals("bob", settings.user());
    assertEquals("pw", settings.password().reveal());
    assertEquals(List.of(new HostPort("db.example.com", 6432)), settings.hosts());
    assertEquals("app", settings.database());
    assertEquals("tool", settings.applicationName());
  }

  @Test
  void acceptsShortScheme() {
    assertEquals("app", parse("postgres://h/app").database());
  }

  @Test
  void bareSchemeGivesDefaults() {
    ConnectionSettings settings = parse("postgresql://");
    assertEquals(List.of(new HostPort("localhost", 5432)), settings.hosts());
    assertEquals("alice", settings.database());
  }

  @Test
  void everyPartIsOptional() {
    assertEquals(List.of(new HostPort("localhost", 5433)), parse("postgresql://:5433").hosts());
    assertEquals("db", parse("postgresql:///db").database());
    assertEquals("bob", parse("postgresql://bob@").user());
    assertNull(parse("postgresql://h/").password());
  }

  @Test
  void userWithoutPassword() {
    ConnectionSettings settings = parse("postgresql://bob@h");
    assertEquals("bob", settings.user());
    assertNull(settings.password());
  }

  @Test
  void percentDecodesEveryPart() {
    ConnectionSettings settings =
        parse("postgresql://b%40b:p%3Aw%2F%25@h%2Dx/my%20db?options=-c%20a%3Db");
    assertEquals("b@b", settings.user());
    assertEquals("p:w/%", settings.password().reveal());
    assertEquals("h-x", settings.hosts().get(0).host());
    assertEquals("my db", settings.database());
    assertEquals("-c a=b", settings.options());
  }

  @Test
  void decodesMultiByteUtf8() {
    assertEquals("données", parse("postgresql:///donn%C3%A9es").database());
  }

  @Test
  void plusIsNotASpace() {
    assertEquals("a+b", parse("postgresql:///a+b").database());
  }

  @Test
  void unencodedAtInPasswordUsesLastAt() {
    ConnectionSettings settings = parse("postgresql://bob:p@ss@h/db");
    assertEquals("p@ss", settings.password().reveal());
    assertEquals("h", settings.hosts().get(0).host());
  }

  @Test
  void invalidPercentEscapeIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql:///db%zz"));
    assertTrue(error.getMessage().contains("invalid percent-encoding"), error.getMessage());
    assertThrows(ProgrammingError.class, () -> parse("postgresql:///db%2"));
    assertThrows(ProgrammingError.class, () -> parse("postgresql:///db%"));
    assertThrows(ProgrammingError.class, () -> parse("postgresql://h?dbname=%g1"));
    assertThrows(ProgrammingError.class, () -> parse("postgresql://h?db%4=x"));
  }

  @Test
  void nonAsciiDigitsAreNoHexDigits() {
    assertThrows(ProgrammingError.class, () -> parse("postgresql:///%\u0661\u0662"));
  }

  @Test
  void invalidUtf8IsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql:///%C3%28"));
    assertTrue(error.getMessage().contains("not valid UTF-8"), error.getMessage());
  }

  @Test
  void percentEncodedNulIsRejected() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql:///a%00b"));
    assertTrue(error.getMessage().contains("NUL"), error.getMessage());
  }

  @Test
  void ipv6LiteralsInBrackets() {
    assertEquals(
        List.of(new HostPort("::1", 5432), new HostPort("2001:db8::7", 6000)),
        parse("postgresql://[::1],[2001:db8::7]:6000/db").hosts());
  }

  @Test
  void unclosedIpv6BracketIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql://[::1/db"));
    assertTrue(error.getMessage().contains("IPv6"), error.getMessage());
  }

  @Test
  void textAfterIpv6BracketIsAnError() {
    assertThrows(ProgrammingError.class, () -> parse("postgresql://[::1]x/db"));
  }

  @Test
  void socketDirectoryPercentEncodedInHost() {
    HostPort host = parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db").hosts().get(0);
    assertEquals("/var/run/postgresql", host.host());
    assertTrue(host.isUnixSocket());
    assertEquals(Path.of("/var/run/postgresql/.s.PGSQL.5432"), host.unixSocketPath());
  }

  @Test
  void socketDirectoryAsQueryParameter() {
    ConnectionSettings settings = parse("postgresql:///db?host=/tmp&port=5999");
    assertEquals(List.of(new HostPort("/tmp", 5999)), settings.hosts());
    assertEquals(Path.of("/tmp/.s.PGSQL.5999"), settings.hosts().get(0).unixSocketPath());
  }

  @Test
  void hostListWithPortsPerHost() {
    assertEquals(
        List.of(new HostPort("a", 5433), new HostPort("b", 5432), new HostPort("c", 5435)),
        parse("postgresql://a:5433,b,c:5435/db").hosts());
  }

  @Test
  void queryParametersOverrideOtherParts() {
    ConnectionSettings settings = parse("postgresql://bob@h:1/db?user=carol&dbname=x&port=2");
    assertEquals("carol", settings.user());
    assertEquals("x", settings.database());
    assertEquals(2, settings.hosts().get(0).port());
  }

  @Test
  void emptyQueryParametersAreSkipped() {
    assertEquals("require", parse("postgresql://h?&sslmode=require&").sslMode().keyword());
  }

  @Test
  void valueMayContainEquals() {
    assertEquals("YWJj==", parse("postgresql://h?password=YWJj==").password().reveal());
  }

  @Test
  void queryParameterWithoutEqualsIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql://h?sslmode"));
    assertEquals("missing \"=\" in the URI query parameter \"sslmode\"", error.getMessage());
  }

  @Test
  void unknownQueryParameterIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql://h?sslmod=x"));
    assertTrue(error.getMessage().contains("\"sslmod\""), error.getMessage());
  }

  @Test
  void nonNumericPortIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql://h:abc/db"));
    assertTrue(error.getMessage().startsWith("invalid port in the connection URI"));
  }

  @Test
  void outOfRangePortNamesValue() {
    var error = assertThrows(ProgrammingError.class, () -> parse("postgresql://h:70000/db"));
    assertEquals(
        "invalid port \"70000\" in the connection string: expected a number from 1 to 65535",
        error.getMessage());
  }

  @Test
  void schemeIsCaseSensitiveLikeLibpq() {
    assertThrows(ProgrammingError.class, () -> parse("POSTGRESQL://h/db"));
  }
}
