package dev.tusk.internal.auth;

/** A parsed SCRAM server-final-message (RFC 5802 section 7): a verifier or an error. */
sealed interface ServerFinalMessage {

  /** The server's proof that it knows the password: {@code v=} ServerSignature. */
  record Verifier(byte[] serverSignature) implements ServerFinalMessage {}

  /** The server's refusal: {@code e=} server-error-value. */
  record ServerError(String value) implements ServerFinalMessage {}

  /**
   * Parses a server-final-message.
   *
   * @throws AuthenticationException if the message is malformed
   */
  static ServerFinalMessage parse(byte[] message) throws AuthenticationException {
    ScramAttributes attributes = ScramAttributes.of("server-final-message", message);
    ServerFinalMessage parsed =
        attributes.nextIs('e')
            ? new ServerError(attributes.require('e'))
            : new Verifier(attributes.requireBase64('v'));
    attributes.skipExtensions();
    return parsed;
  }
}
