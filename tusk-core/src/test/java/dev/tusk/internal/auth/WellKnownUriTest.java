package dev.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issuer identifiers from discovery URIs, by RFC 8414's rules as libpq applies them. */
class WellKnownUriTest {

  @ParameterizedTest
  @CsvSource({
    "https://issuer.example/.well-known/openid-configuration, https://issuer.example",
    "https://issuer.example/tusk/.well-known/openid-configuration, https://issuer.example/tusk",
    "https://issuer.example/.well-known/oauth-authorization-server, https://issuer.example",
    "https://issuer.example/.well-known/oauth-authorization-server/tenant,"
        + " https://issuer.example/tenant",
    "https://issuer.example/.well-known/openid-configuration/tenant, https://issuer.example/tenant",
    "HTTPS://issuer.example/.well-known/openid-configuration, HTTPS://issuer.example"
  })
  void issuerIsTheUriWithoutItsWellKnownPart(String uri, String issuer)
      throws AuthenticationException {
    assertTrue(WellKnownUri.isWellKnown(uri));
    assertEquals(issuer, WellKnownUri.issuerOf(uri));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://issuer.example/.well-known/openid-configuration | must use HTTPS",
        "https://issuer.example/.well-known/openid-configuration?x=1 | query or fragment",
        "https://issuer.example/.well-known/openid-configuration#f | query or fragment",
        "https://issuer.example/openid-configuration | is not a .well-known URI",
        "https://issuer.example/.well-known/webfinger | unsupported .well-known suffix",
        "https://issuer.example/.well-known/openid-configuration-bad | unsupported .well-known suffix",
        "https://issuer.example/a/.well-known/openid-configuration/b | invalid format"
      })
  void otherUrisAreRefused(String uri, String problem) {
    var error = assertThrows(AuthenticationException.class, () -> WellKnownUri.issuerOf(uri));
    assertTrue(error.getMessage().contains(problem), error.getMessage());
    assertTrue(error.getMessage().contains(uri), error.getMessage());
  }

  @Test
  void anIssuerIdentifierIsNoDiscoveryUri() {
    assertFalse(WellKnownUri.isWellKnown("https://issuer.example/tusk"));
  }
}
