package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.conninfo.ChannelBindingMode;
import dev.tusk.internal.conninfo.RequireAuth;
import dev.tusk.internal.conninfo.RequireAuth.Method;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** channel_binding and require_auth decisions, without a server. */
class AuthenticationPolicyTest {

  private static final List<String> BOTH = List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256");
  private static final List<String> PLAIN_ONLY = List.of("SCRAM-SHA-256");

  private static AuthenticationPolicy policy(ChannelBindingMode mode, boolean tls) {
    return new AuthenticationPolicy(RequireAuth.ANY, mode, tls, false);
  }

  @Test
  void plusIsChosenOverTlsUnlessDisabled() throws AuthenticationException {
    assertEquals(
        "SCRAM-SHA-256-PLUS", policy(ChannelBindingMode.PREFER, true).chooseMechanism(BOTH));
    assertEquals("SCRAM-SHA-256", policy(ChannelBindingMode.DISABLE, true).chooseMechanism(BOTH));
    assertEquals("SCRAM-SHA-256", policy(ChannelBindingMode.PREFER, false).chooseMechanism(BOTH));
    assertNull(
        policy(ChannelBindingMode.DISABLE, true).chooseMechanism(List.of("SCRAM-SHA-256-PLUS")));
  }

  @Test
  void requiredBindingFailsClosedOnEveryDowngrade() {
    AuthenticationPolicy required = policy(ChannelBindingMode.REQUIRE, true);
    assertThrows(AuthenticationException.class, () -> required.chooseMechanism(PLAIN_ONLY));
    assertThrows(
        AuthenticationException.class,
        () -> required.checkRequest(Method.MD5, "a hashed password"));
    assertThrows(AuthenticationException.class, () -> required.checkOk(false, false));
    assertThrows(AuthenticationException.class, () -> required.checkOk(true, false));
    assertDoesNotThrow(() -> required.checkOk(true, true));
    AuthenticationPolicy plain = policy(ChannelBindingMode.REQUIRE, false);
    var error = assertThrows(AuthenticationException.class, () -> plain.chooseMechanism(BOTH));
    assertTrue(error.getMessage().contains("does not use TLS"), error.getMessage());
  }

  @Test
  void supportWithoutBindingIsAnnouncedOnlyOverTls() {
    assertTrue(policy(ChannelBindingMode.PREFER, true).supportsBinding());
    assertEquals(false, policy(ChannelBindingMode.PREFER, false).supportsBinding());
    assertEquals(false, policy(ChannelBindingMode.DISABLE, true).supportsBinding());
  }

  @Test
  void requireAuthRefusesMethodsItDoesNotList() {
    AuthenticationPolicy scramOnly =
        new AuthenticationPolicy(
            new RequireAuth(EnumSet.of(Method.SCRAM_SHA_256), "scram-sha-256"),
            ChannelBindingMode.PREFER,
            false,
            false);
    var error =
        assertThrows(
            AuthenticationException.class,
            () -> scramOnly.checkRequest(Method.PASSWORD, "a cleartext password"));
    assertEquals(
        "authentication method requirement \"scram-sha-256\" failed: server requested a cleartext"
            + " password",
        error.getMessage());
    assertThrows(AuthenticationException.class, () -> scramOnly.checkOk(false, false));
    assertDoesNotThrow(() -> scramOnly.chooseMechanism(PLAIN_ONLY));
  }

  @Test
  void oauthBearerIsChosenWhenOfferedAndAllowed() throws AuthenticationException {
    List<String> oauthOnly = List.of("OAUTHBEARER");
    assertEquals("OAUTHBEARER", policy(ChannelBindingMode.PREFER, true).chooseMechanism(oauthOnly));
    List<String> both = List.of("SCRAM-SHA-256", "OAUTHBEARER");
    assertEquals("SCRAM-SHA-256", policy(ChannelBindingMode.PREFER, false).chooseMechanism(both));
    AuthenticationPolicy oauthRequired =
        new AuthenticationPolicy(
            new RequireAuth(EnumSet.of(Method.OAUTH), "oauth"),
            ChannelBindingMode.PREFER,
            false,
            false);
    assertEquals("OAUTHBEARER", oauthRequired.chooseMechanism(both));
    var refused =
        assertThrows(
            AuthenticationException.class,
            () ->
                new AuthenticationPolicy(
                        new RequireAuth(EnumSet.of(Method.SCRAM_SHA_256), "scram-sha-256"),
                        ChannelBindingMode.PREFER,
                        false,
                        false)
                    .chooseMechanism(oauthOnly));
    assertEquals(
        "authentication method requirement \"scram-sha-256\" failed: server requested OAuth"
            + " authentication (OAUTHBEARER)",
        refused.getMessage());
    // OAUTHBEARER binds to no channel, so channel_binding=require never takes it.
    assertThrows(
        AuthenticationException.class,
        () -> policy(ChannelBindingMode.REQUIRE, true).chooseMechanism(oauthOnly));
  }

  @Test
  void aGssEncryptedSessionCountsAsGssAuthenticationOnlyWhereGssIsAllowed() {
    RequireAuth gss = new RequireAuth(EnumSet.of(Method.GSS), "gss");
    RequireAuth scram = new RequireAuth(EnumSet.of(Method.SCRAM_SHA_256), "scram-sha-256");
    RequireAuth notGss = new RequireAuth(EnumSet.complementOf(EnumSet.of(Method.GSS)), "!gss");
    assertDoesNotThrow(
        () ->
            new AuthenticationPolicy(gss, ChannelBindingMode.PREFER, false, true)
                .checkOk(false, false));
    assertThrows(
        AuthenticationException.class,
        () ->
            new AuthenticationPolicy(gss, ChannelBindingMode.PREFER, false, false)
                .checkOk(false, false));
    var refused =
        assertThrows(
            AuthenticationException.class,
            () ->
                new AuthenticationPolicy(scram, ChannelBindingMode.PREFER, false, true)
                    .checkOk(false, false));
    assertTrue(refused.getMessage().contains("GSSAPI-encrypted"), refused.getMessage());
    assertThrows(
        AuthenticationException.class,
        () ->
            new AuthenticationPolicy(notGss, ChannelBindingMode.PREFER, false, true)
                .checkOk(false, false));
    assertThrows(
        AuthenticationException.class,
        () ->
            new AuthenticationPolicy(gss, ChannelBindingMode.REQUIRE, false, true)
                .checkOk(false, false));
  }
}
