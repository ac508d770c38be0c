package dev.tusk.internal.auth;

/**
 * An authentication exchange failed on the client side: the server sent something malformed or
 * unacceptable, reported a SCRAM error, or could not prove it knows the password. The engine maps
 * it to a public error. Messages never contain the password.
 */
public class AuthenticationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that must not contain the password. */
  public AuthenticationException(String message) {
    super(message);
  }
}
