package dev.tusk.internal.protocol;

/**
 * The server asks for GSSAPI authentication (type 'R', code 7); the client sends the first token.
 */
public record AuthenticationGSS() implements Authentication {

  /** The one instance the reader returns. */
  public static final AuthenticationGSS INSTANCE = new AuthenticationGSS();
}
