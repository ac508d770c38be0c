package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's OAUTHBEARER error result, parsed as libpq parses it. */
class OAuthServerErrorTest {

  private static OAuthServerError parse(String json) throws AuthenticationException {
    return OAuthServerError.parse(json.getBytes(UTF_8));
  }

  private static String failure(String json) {
    return assertThrows(AuthenticationException.class, () -> parse(json)).getMessage();
  }

  @Test
  void whatPostgreSql18Sends() throws AuthenticationException {
    // Captured from PostgreSQL 18.1 with issuer="https://issuer.example/tusk" scope="openid tusk".
    OAuthServerError error =
        parse(
            "{ \"status\": \"invalid_token\", \"openid-configuration\":"
                + " \"https://issuer.example/tusk/.well-known/openid-configuration\", \"scope\":"
                + " \"openid tusk\" }");
    assertEquals("invalid_token", error.status());
    assertEquals("openid tusk", error.scope());
    assertEquals(
        "https://issuer.example/tusk/.well-known/openid-configuration",
        error.openidConfiguration());
    assertTrue(error.invitesToken());
  }

  @Test
  void otherKeysAndNestedValuesAreIgnored() throws AuthenticationException {
    OAuthServerError error =
        parse(
            "{\"x\":{\"status\":[1,2.5e3,-0.1,true,false,null,{\"scope\":\"no\"}]},"
                + "\"status\":\"insufficient_scope\",\"extra\":\"\\u00e9\\n\\\"\"}");
    assertEquals("insufficient_scope", error.status());
    assertNull(error.scope());
    assertNull(error.openidConfiguration());
    assertFalse(error.invitesToken());
  }

  @Test
  void escapesAreDecoded() throws AuthenticationException {
    assertEquals("a/b \u00e9\t", parse("{\"status\":\"a\\/b \\u00E9\\t\"}").status());
  }

  @Test
  void aStatusIsRequired() {
    assertEquals(
        "the server sent an OAuth error result without a status", failure("{\"scope\":\"s\"}"));
  }

  @Test
  void wantedKeysMustBeStringsAndAppearOnce() {
    assertTrue(failure("{\"status\":1}").contains("field \"status\" must be a string"));
    assertTrue(failure("{\"scope\":[\"a\"],\"status\":\"x\"}").contains("must be a string"));
    assertTrue(
        failure("{\"status\":\"a\",\"status\":\"b\"}").contains("field \"status\" is duplicated"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "\"status\"",
        "{",
        "{\"status\":\"a\"",
        "{\"status\":\"a\",}",
        "{\"status\":\"a\"} x",
        "{\"status\" \"a\"}",
        "{status:\"a\"}",
        "{\"status\":\"a\\x\"}",
        "{\"status\":\"a\\u12\"}",
        "{\"status\":\"a\",\"n\":01}",
        "{\"status\":\"a\",\"n\":tru}",
        "{\"status\":\"a\u0001\"}"
      })
  void malformedJsonIsRefused(String json) {
    assertTrue(failure(json).startsWith("failed to parse the server's OAuth error result"), json);
  }

  @Test
  void nestingIsLimited() throws AuthenticationException {
    assertEquals("a", parse("{\"status\":\"a\",\"n\":[[[[[[[1]]]]]]]}").status());
    assertTrue(failure("{\"status\":\"a\",\"n\":[[[[[[[[1]]]]]]]]}").contains("too deeply nested"));
  }

  @Test
  void invalidUtf8AndNulAreRefused() {
    byte[] latin1 =
        "{\"status\":\"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThrows(AuthenticationException.class, () -> OAuthServerError.parse(latin1));
    byte[] nul = "{\"status\":\"a\"}\0".getBytes(UTF_8);
    var error = assertThrows(AuthenticationException.class, () -> OAuthServerError.parse(nul));
    assertTrue(error.getMessage().contains("NUL"), error.getMessage());
  }
}
