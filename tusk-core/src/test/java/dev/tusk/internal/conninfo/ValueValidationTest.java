package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.errors.ProgrammingError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueValidationTest {

  @ParameterizedTest
  @CsvSource({
    "disable, DISABLE",
    "allow, ALLOW",
    "prefer, PREFER",
    "require, REQUIRE",
    "verify-ca, VERIFY_CA",
    "verify-full, VERIFY_FULL"
  })
  void sslModes(String spelling, SslMode mode) {
    assertEquals(mode, parse("sslmode=" + spelling).sslMode());
    assertEquals(mode, SslMode.parse(spelling));
    assertEquals(spelling, mode.keyword());
  }

  @Test
  void badSslModeNamesKeyAndValue() {
    var error = assertThrows(ProgrammingError.class, () -> parse("sslmode=VERIFY-FULL"));
    assertEquals(
        "invalid sslmode \"VERIFY-FULL\" in the connection string: expected one of disable,"
            + " allow, prefer, require, verify-ca, verify-full",
        error.getMessage());
    var direct = assertThrows(ProgrammingError.class, () -> SslMode.parse("on"));
    assertTrue(direct.getMessage().startsWith("invalid sslmode \"on\""), direct.getMessage());
  }

  @Test
  void systemRootCertDefaultsToVerifyFull() {
    ConnectionSettings settings = parse("sslrootcert=system");
    assertTrue(settings.usesSystemRootCerts());
    assertEquals(SslMode.VERIFY_FULL, settings.sslMode());
    assertFalse(parse("sslrootcert=/etc/root.crt").usesSystemRootCerts());
  }

  @Test
  void systemRootCertForbidsWeakerModes() {
    var error =
        assertThrows(ProgrammingError.class, () -> parse("sslrootcert=system sslmode=require"));
    assertTrue(error.getMessage().contains("verify-full"), error.getMessage());
  }

  @Test
  void connectTimeoutInSeconds() {
    assertEquals(Duration.ofSeconds(1), parse("connect_timeout=1").connectTimeout());
    assertEquals(Duration.ofSeconds(600), parse("connect_timeout=600").connectTimeout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "ten", "1.5", "99999999999"})
  void connectTimeoutMustBePositiveInteger(String value) {
    var error = assertThrows(ProgrammingError.class, () -> parse("connect_timeout=" + value));
    assertTrue(
        error.getMessage().startsWith("invalid connect_timeout \"" + value + "\""),
        error.getMessage());
    assertTrue(error.getMessage().contains("connect_timeout must be positive"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF8", "utf8", "UTF-8", "utf-8"})
  void clientEncodingUtf8Accepted(String value) {
    assertEquals("alice", parse("client_encoding=" + value).user());
  }

  @Test
  void otherClientEncodingRejected() {
    var error = assertThrows(ProgrammingError.class, () -> parse("client_encoding=LATIN1"));
    assertEquals(
        "invalid client_encoding \"LATIN1\" in the connection string: Tusk always uses UTF8",
        error.getMessage());
  }

  @Test
  void clientEncodingEnvironmentIsIgnored() {
    Environment environment = Environments.with(Map.of("PGCLIENTENCODING", "LATIN1"));
    assertEquals("alice", ConnInfo.parse("", environment).user());
  }

  @Test
  void keepalives() {
    assertFalse(parse("keepalives=0").keepalives());
    assertTrue(parse("keepalives=1").keepalives());
    assertThrows(ProgrammingError.class, () -> parse("keepalives=yes"));
    assertThrows(ProgrammingError.class, () -> parse("keepalives=2"));
  }

  @Test
  void keepaliveTuning() {
    ConnectionSettings settings =
        parse("keepalives_idle=60 keepalives_interval=5 keepalives_count=3");
    assertEquals(Duration.ofSeconds(60), settings.keepalivesIdle());
    assertEquals(Duration.ofSeconds(5), settings.keepalivesInterval());
    assertEquals(3, settings.keepalivesCount());
    assertNull(parse("keepalives_idle=0").keepalivesIdle());
    assertThrows(ProgrammingError.class, () -> parse("keepalives_idle=-1"));
    assertThrows(ProgrammingError.class, () -> parse("keepalives_interval=x"));
    assertThrows(ProgrammingError.class, () -> parse("keepalives_count=-1"));
  }

  @Test
  void krbsrvnameDefaultsToPostgres() {
    assertEquals("postgres", parse("").krbsrvname());
    assertEquals("postgres", parse("krbsrvname=''").krbsrvname());
    assertEquals("pgsql", parse("krbsrvname=pgsql").krbsrvname());
    assertEquals(
        "HTTP", ConnInfo.parse("", Environments.with(Map.of("PGKRBSRVNAME", "HTTP"))).krbsrvname());
  }

  @Test
  void requirepeerIsTaken() {
    assertEquals("postgres", parse("requirepeer=postgres").requirePeer());
    assertNull(parse("requirepeer=''").requirePeer());
    assertEquals(
        "pg", ConnInfo.parse("", Environments.with(Map.of("PGREQUIREPEER", "pg"))).requirePeer());
  }

  @Test
  void targetSessionAttrsAny() {
    assertEquals(TargetSessionAttrs.ANY, parse("target_session_attrs=any").targetSessionAttrs());
    assertEquals(TargetSessionAttrs.ANY, parse("").targetSessionAttrs());
  }

  /** Each of libpq's values is taken with its meaning (issue 13). */
  @ParameterizedTest
  @ValueSource(strings = {"read-write", "read-only", "primary", "standby", "prefer-standby"})
  void targetSessionAttrsAreTaken(String value) {
    assertEquals(value, parse("target_session_attrs=" + value).targetSessionAttrs().keyword());
  }

  @Test
  void badTargetSessionAttrs() {
    var error = assertThrows(ProgrammingError.class, () -> parse("target_session_attrs=master"));
    assertTrue(
        error.getMessage().startsWith("invalid target_session_attrs \"master\""),
        error.getMessage());
  }

  @Test
  void loadBalanceHosts() {
    assertFalse(parse("load_balance_hosts=disable").loadBalanceHosts());
    assertTrue(parse("load_balance_hosts=random").loadBalanceHosts());
    assertThrows(ProgrammingError.class, () -> parse("load_balance_hosts=round-robin"));
  }

  @Test
  void maxMessageSizeBounds() {
    assertEquals(1024, parse("max_message_size=1024").maxMessageSize());
    assertEquals(1 << 30, parse("max_message_size=1073741824").maxMessageSize());
    assertThrows(ProgrammingError.class, () -> parse("max_message_size=1023"));
    assertThrows(ProgrammingError.class, () -> parse("max_message_size=1073741825"));
  }

  @Test
  void scramMaxIterationsFloor() {
    assertEquals(4096, parse("scram_max_iterations=4096").scramMaxIterations());
    assertEquals(Integer.MAX_VALUE, parse("scram_max_iterations=2147483647").scramMaxIterations());
    assertThrows(ProgrammingError.class, () -> parse("scram_max_iterations=4095"));
    assertThrows(ProgrammingError.class, () -> parse("scram_max_iterations=2147483648"));
  }

  @Test
  void statementSettingsDefaultToPsycopgs() {
    assertEquals(StatementSettings.DEFAULTS, parse("").statements());
    assertTrue(parse("").statements().preparesStatements());
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "12, 12", "-1, -1", "-7, -1", "none, -1"})
  void prepareThreshold(String value, int threshold) {
    StatementSettings settings = parse("prepare_threshold=" + value).statements();
    assertEquals(threshold, settings.prepareThreshold());
    assertEquals(threshold >= 0, settings.preparesStatements());
  }

  @Test
  void statementCacheSizeBounds() {
    assertEquals(0, parse("statement_cache_size=0").statements().statementCacheSize());
    assertFalse(parse("statement_cache_size=0").statements().preparesStatements());
    assertEquals(1000, parse("statement_cache_size=1000").statements().statementCacheSize());
    assertThrows(ProgrammingError.class, () -> parse("statement_cache_size=-1"));
    assertThrows(ProgrammingError.class, () -> parse("prepare_threshold=often"));
  }

  @ParameterizedTest
  @CsvSource({
    "on, true",
    "ON, true",
    "true, true",
    "yes, true",
    "1, true",
    "off, false",
    "false, false",
    "no, false",
    "0, false"
  })
  void rewriteBatchedInsertsIsAFlag(String value, boolean on) {
    assertEquals(
        on, parse("rewrite_batched_inserts=" + value).statements().rewriteBatchedInserts());
  }

  @Test
  void rewriteBatchedInsertsIsOffByDefaultAndRefusesOtherWords() {
    assertFalse(parse("").statements().rewriteBatchedInserts());
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> parse("rewrite_batched_inserts=always"));
    assertTrue(error.getMessage().contains("rewrite_batched_inserts"), error.getMessage());
  }

  @Test
  void queryTimeoutInSecondsWithDecimals() {
    assertEquals(Duration.ofSeconds(30), parse("query_timeout=30").statements().queryTimeout());
    assertEquals(Duration.ofMillis(250), parse("query_timeout=0.25").statements().queryTimeout());
    assertNull(parse("query_timeout=0").statements().queryTimeout());
    assertNull(parse("").statements().queryTimeout());
    for (String bad : new String[] {"-1", "1.2345", "1s", ".5", "1e3"}) {
      var error = assertThrows(ProgrammingError.class, () -> parse("query_timeout=" + bad));
      assertTrue(error.getMessage().startsWith("invalid query_timeout"), error.getMessage());
    }
  }

  @Test
  void sslFilesAndPassphrase() {
    ConnectionSettings settings = parse("sslcert=c.crt sslkey=k.key sslpassword=phrase");
    assertEquals(Path.of("c.crt"), settings.sslCert());
    assertEquals(Path.of("k.key"), settings.sslKey());
    assertEquals("phrase", settings.sslPassword().reveal());
  }

  @Test
  void unknownKeySuggestsClosest() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbnme=app"));
    assertEquals(
        "unknown connection option \"dbnme\" (did you mean \"dbname\"?)", error.getMessage());
  }

  @Test
  void unknownKeySuggestsAliases() {
    var error = assertThrows(ProgrammingError.class, () -> parse("database=app"));
    assertTrue(error.getMessage().contains("did you mean \"dbname\""), error.getMessage());
  }

  @Test
  void unknownKeyFarFromAnyKnownHasNoSuggestion() {
    var error = assertThrows(ProgrammingError.class, () -> parse("frobnicate=1"));
    assertEquals("unknown connection option \"frobnicate\"", error.getMessage());
  }

  @Test
  void keysAreCaseSensitiveLikeLibpq() {
    var error = assertThrows(ProgrammingError.class, () -> parse("DBNAME=app"));
    assertTrue(error.getMessage().contains("did you mean \"dbname\""), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp_user_timeout=0",
        "sslcompression=0",
        "gsslib=gssapi",
        "replication=false",
        "service=''",
        "servicefile=''"
      })
  void unsupportedKeysAcceptNoOpValues(String setting) {
    assertEquals("alice", parse(setting).user());
  }

  @Test
  void unsupportedKeyWithRealValueIsNotSupported() {
    var error = assertThrows(FeatureNotSupported.class, () -> parse("gsslib=sspi"));
    assertEquals(
        "gsslib=sspi in the connection string is not supported by Tusk; gsslib accepts"
            + " only an empty value or gssapi",
        error.diagnostic().messagePrimary());
    assertEquals("0A000", error.sqlState());
    assertThrows(NotSupportedError.class, () -> parse("gsslib=sspi"));
    assertThrows(NotSupportedError.class, () -> parse("postgresql://h?gsslib=sspi"));
  }

  @Test
  void unsupportedEnvironmentVariableIsNotSupported() {
    Environment environment = Environments.with(Map.of("PGGSSLIB", "sspi"));
    var error = assertThrows(NotSupportedError.class, () -> ConnInfo.parse("", environment));
    assertTrue(
        error.getMessage().startsWith("tusk: gsslib=sspi in environment variable PGGSSLIB"),
        error.getMessage());
  }

  @Test
  void stringOverridesUnsupportedEnvironmentVariable() {
    Environment environment = Environments.with(Map.of("PGGSSLIB", "sspi"));
    assertEquals("alice", ConnInfo.parse("gsslib=gssapi", environment).user());
    assertEquals("alice", ConnInfo.parse("", Environments.with(Map.of("PGSERVICE", ""))).user());
  }

  @Test
  void gssencmodeAndGssdelegationTakeLibpqsValues() {
    assertEquals(GssEncMode.PREFER, parse("").gssEncMode());
    assertEquals(GssEncMode.DISABLE, parse("gssencmode=disable").gssEncMode());
    assertEquals(GssEncMode.REQUIRE, parse("gssencmode=require").gssEncMode());
    assertEquals(
        GssEncMode.REQUIRE,
        ConnInfo.parse("", Environments.with(Map.of("PGGSSENCMODE", "require"))).gssEncMode());
    assertFalse(parse("").gssDelegation());
    assertTrue(parse("gssdelegation=1").gssDelegation());
    assertFalse(parse("gssdelegation=0").gssDelegation());
    var mode = assertThrows(ProgrammingError.class, () -> parse("gssencmode=allow"));
    assertTrue(mode.getMessage().contains("disable, prefer, require"), mode.getMessage());
    assertThrows(ProgrammingError.class, () -> parse("gssdelegation=2"));
  }
}
