package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.conninfo.RequireAuth.Method;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TLS keywords, channel_binding and require_auth, as libpq parses them. */
class TlsAndPolicySettingsTest {

  @Test
  void defaultsAreLibpqs() {
    ConnectionSettings settings = parse("");
    assertEquals(TlsOptions.DEFAULTS, settings.tls());
    assertEquals(ChannelBindingMode.PREFER, settings.channelBinding());
    assertEquals(RequireAuth.ANY, settings.requireAuth());
  }

  @Test
  void tlsKeywordsAreRead() {
    TlsOptions tls =
        parse(
                "sslmode=require sslnegotiation=direct sslsni=0 ssl_min_protocol_version=tlsv1.3"
                    + " sslcrl=/c.crl sslcrldir=/crls sslcertmode=require")
            .tls();
    assertEquals(
        new TlsOptions(
            true, false, "TLSv1.3", null, Path.of("/c.crl"), Path.of("/crls"), "require"),
        tls);
  }

  @Test
  void tlsKeywordsComeFromTheEnvironmentToo() {
    ConnectionSettings settings =
        ConnInfo.parse(
            "",
            Environments.with(
                Map.of("PGSSLMAXPROTOCOLVERSION", "TLSv1.2", "PGCHANNELBINDING", "require")));
    assertEquals("TLSv1.2", settings.tls().maxProtocol());
    assertEquals(ChannelBindingMode.REQUIRE, settings.channelBinding());
  }

  @ParameterizedTest
  @ValueSource(strings = {"disable", "allow", "prefer"})
  void directNegotiationNeedsAModeThatNeverFallsBack(String mode) {
    var error =
        assertThrows(ProgrammingError.class, () -> parse("sslnegotiation=direct sslmode=" + mode));
    assertTrue(
        error.getMessage().contains("require, verify-ca or verify-full"), error.getMessage());
  }

  @Test
  void badTlsValuesAreNamed() {
    assertThrows(ProgrammingError.class, () -> parse("ssl_min_protocol_version=SSLv3"));
    assertThrows(ProgrammingError.class, () -> parse("sslnegotiation=fast"));
    assertThrows(ProgrammingError.class, () -> parse("sslsni=yes"));
    assertThrows(ProgrammingError.class, () -> parse("sslcertmode=always"));
    assertThrows(ProgrammingError.class, () -> parse("channel_binding=maybe"));
    var order =
        assertThrows(
            ProgrammingError.class,
            () -> parse("ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2"));
    assertTrue(order.getMessage().contains("older than"), order.getMessage());
  }

  @Test
  void requireAuthListsAllowExactlyThoseMethods() {
    RequireAuth auth = parse("require_auth=md5,scram-sha-256").requireAuth();
    assertEquals(EnumSet.of(Method.MD5, Method.SCRAM_SHA_256), EnumSet.copyOf(auth.allowed()));
    assertFalse(auth.allows(Method.NONE));
  }

  @Test
  void negatedRequireAuthAllowsEverythingElse() {
    RequireAuth auth = parse("require_auth=!password,!none").requireAuth();
    assertEquals(
        EnumSet.complementOf(EnumSet.of(Method.PASSWORD, Method.NONE)),
        EnumSet.copyOf(auth.allowed()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5,!password", "md5,md5", "kerberos", "md5,,scram-sha-256", "!"})
  void badRequireAuthListsAreRefused(String value) {
    assertThrows(ProgrammingError.class, () -> parse("require_auth=" + value));
  }

  @Test
  void protocolVersionsAreLibpq18s() {
    assertEquals(ProtocolVersions.DEFAULT, parse("").protocol());
    assertEquals(new ProtocolVersions(0, 2), parse("max_protocol_version=3.2").protocol());
    assertEquals(new ProtocolVersions(0, 2), parse("max_protocol_version=latest").protocol());
    assertEquals(new ProtocolVersions(2, 2), parse("min_protocol_version=3.2").protocol());
    assertThrows(
        ProgrammingError.class, () -> parse("min_protocol_version=3.2 max_protocol_version=3.0"));
    assertThrows(ProgrammingError.class, () -> parse("max_protocol_version=3.1"));
    assertThrows(ProgrammingError.class, () -> parse("min_protocol_version=latest"));
  }
}
