package dev.tusk.internal.protocol;

/** Authentication succeeded (AuthenticationOk, type 'R', code 0). */
public record AuthenticationOk() implements Authentication {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final AuthenticationOk INSTANCE = new AuthenticationOk();
}
