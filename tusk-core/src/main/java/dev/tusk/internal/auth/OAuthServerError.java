package dev.tusk.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's error result of an OAUTHBEARER exchange (RFC 7628 section 3.2.2): a JSON object
 * whose {@code status} says why no token was accepted, with the {@code scope} to ask for and the
 * issuer's discovery document ({@code openid-configuration}) where a token comes from. Parsed as
 * libpq parses it: only those three top-level keys count, each must be a string and appear once;
 * other keys are ignored.
 *
 * @param status the error code, e.g. {@code invalid_token}
 * @param scope the scope the server wants, or null
 * @param openidConfiguration the discovery document's URI, or null
 */
public record OAuthServerError(String status, String scope, String openidConfiguration) {

  /** The status after which a client may try again with a (new) token. */
  public static final String INVALID_TOKEN = "invalid_token";

  private static final String STATUS = "status";
  private static final String SCOPE = "scope";
  private static final String OPENID_CONFIGURATION = "openid-configuration";

  /** Parses {@code message}, the data of the server's AuthenticationSASLContinue. */
  public static OAuthServerError parse(byte[] message) throws AuthenticationException {
    for (byte b : message) {
      if (b == 0) {
        throw new AuthenticationException(
            "the server's OAuth error result contains a NUL byte and was discarded");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(message))
              .toString();
    } catch (CharacterCodingException e) {
      throw new AuthenticationException("the server's OAuth error result is not valid UTF-8");
    }
    Map<String, String> fields = new HashMap<>();
    try {
      new JsonFields(text, STATUS, SCOPE, OPENID_CONFIGURATION).read(fields);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(
          "failed to parse the server's OAuth error result: " + e.getMessage());
    }
    if (!fields.containsKey(STATUS)) {
      throw new AuthenticationException("the server sent an OAuth error result without a status");
    }
    return new OAuthServerError(
        fields.get(STATUS), fields.get(SCOPE), fields.get(OPENID_CONFIGURATION));
  }

  /** Whether the server invites a (new) token rather than refusing OAuth outright. */
  public boolean invitesToken() {
    return INVALID_TOKEN.equals(status);
  }
}
