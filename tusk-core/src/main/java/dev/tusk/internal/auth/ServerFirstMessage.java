package dev.tusk.internal.auth;

/**
 * A validated SCRAM server-first-message (RFC 5802 section 7).
 *
 * @param text the message as received, which the AuthMessage includes verbatim
 * @param nonce the combined nonce: the client's followed by the server's part
 * @param salt the salt for Hi()
 * @param iterations the iteration count for Hi(), within the client's cap
 */
record ServerFirstMessage(String text, String nonce, byte[] salt, int iterations) {

  /**
   * Parses and validates a server-first-message.
   *
   * @param clientNonce the nonce the client sent, which the server's must extend
   * @param maxIterations the highest iteration count the client accepts
   * @throws AuthenticationException if the message is malformed or unacceptable
   */
  static ServerFirstMessage parse(byte[] message, String clientNonce, int maxIterations)
      throws AuthenticationException {
    ScramAttributes attributes = ScramAttributes.of("server-first-message", message);
    if (attributes.nextIs('m')) {
      throw new AuthenticationException(
          "SCRAM server requires a mandatory extension (m=) that this client does not support");
    }
    String nonce = checkNonce(attributes.require('r'), clientNonce);
    byte[] salt = attributes.requireBase64('s');
    if (salt.length == 0) {
      throw new AuthenticationException("SCRAM server-first-message has an empty salt (s=)");
    }
    int iterations = parseIterations(attributes.require('i'), maxIterations);
    attributes.skipExtensions();
    return new ServerFirstMessage(attributes.text(), nonce, salt, iterations);
  }

  private static String checkNonce(String nonce, String clientNonce)
      throws AuthenticationException {
    if (!ScramAttributes.isPrintable(nonce)) {
      throw new AuthenticationException(
          "SCRAM server nonce (r=) contains characters other than printable ASCII");
    }
    // The server appends its own random part; a nonce that merely echoes ours would let an
    // attacker replay an old exchange.
    if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
      throw new AuthenticationException("SCRAM server nonce (r=) does not extend the client nonce");
    }
    return nonce;
  }

  /** The iteration count, capped because a hostile server could make the client spin for ages. */
  private static int parseIterations(String value, int maxIterations)
      throws AuthenticationException {
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new AuthenticationException(
          "SCRAM iteration count (i=) is not a positive integer: " + ScramAttributes.quote(value));
    }
    // 19 digits may already overflow a long; any such count is far above every cap anyway.
    long count = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
    if (count == 0) {
      throw new AuthenticationException("SCRAM iteration count (i=) is not a positive integer: 0");
    }
    if (count > maxIterations) {
      throw new AuthenticationException(
          "SCRAM server asks for "
              + ScramAttributes.quote(value)
              + " iterations, more than scram_max_iterations allows ("
              + maxIterations
              + ")");
    }
    return (int) count;
  }
}
