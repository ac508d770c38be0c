package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The oauth_* keywords: read as given, the client secret never shown. */
class OAuthSettingsTest {

  @Test
  void keywordsAreReadAsGiven() {
    OAuthSettings oauth =
        parse(
                "oauth_issuer=https://login.example.com/tenant oauth_scope='openid db'"
                    + " oauth_client_id=tusk-app oauth_client_secret=Sentinel-s3cret")
            .oauth();
    assertEquals("https://login.example.com/tenant", oauth.issuer());
    assertEquals("openid db", oauth.scope());
    assertEquals("tusk-app", oauth.clientId());
    assertEquals("Sentinel-s3cret", oauth.clientSecret().reveal());
    assertNull(oauth.tokens(), "the token source is the application's, added when connecting");
  }

  @Test
  void absentOrEmptyMeansUnset() {
    OAuthSettings oauth = parse("oauth_issuer='' oauth_scope=''").oauth();
    assertNull(oauth.issuer());
    assertNull(oauth.scope());
    assertNull(oauth.clientId());
    assertNull(oauth.clientSecret());
  }

  @Test
  void theClientSecretIsNeverShown() {
    ConnectionSettings settings = parse("oauth_client_secret=Sentinel-s3cret oauth_client_id=app");
    assertFalse(settings.toString().contains("Sentinel"), settings.toString());
    assertTrue(settings.toString().contains("app"), settings.toString());
    assertTrue(KeywordNames.isSecret("oauth_client_secret"));
  }

  @Test
  void theTokenSourceIsAddedToACopy() {
    ConnectionSettings settings = parse("oauth_issuer=https://issuer.example");
    BearerTokenSource tokens = (issuer, discoveryUri, scope, host) -> "t";
    ConnectionSettings withTokens = settings.withOAuthTokens(tokens);
    assertSame(tokens, withTokens.oauth().tokens());
    assertNull(settings.oauth().tokens());
    // Every other setting is copied unchanged.
    assertEquals(settings, withTokens.withOAuthTokens(null));
  }
}
