package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's OAUTHBEARER messages, byte for byte as RFC 7628 and PostgreSQL 18 frame them. */
class OAuthBearerTest {

  @Test
  void discoveryRequestHasAnEmptyAuthValue() {
    assertArrayEquals(
        "n,,\u0001auth=\u0001\u0001".getBytes(US_ASCII), OAuthBearer.discoveryRequest());
  }

  @Test
  void tokenGoesInTheAuthValueWithTheBearerScheme() {
    assertArrayEquals(
        "n,,\u0001auth=Bearer abc.DEF-12_~+/==\u0001\u0001".getBytes(US_ASCII),
        OAuthBearer.tokenResponse("abc.DEF-12_~+/=="));
  }

  @Test
  void errorAcknowledgementIsALoneSeparator() {
    assertArrayEquals(new byte[] {1}, OAuthBearer.errorAcknowledgement());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "a", "a=", "A-._~+/9=="})
  void bearerTokens(String token) {
    assertTrue(OAuthBearer.isBearerToken(token));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "=", "==", "a b", "a=b", "a\u0001auth=x", "é", "a,b", "a\n"})
  void notBearerTokens(String token) {
    assertFalse(OAuthBearer.isBearerToken(token));
    // A value that could break the framing is never put in a message, and never echoed.
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> OAuthBearer.tokenResponse(token));
    assertEquals("not a bearer token (RFC 6750 b64token)", error.getMessage());
  }
}
