package dev.tusk.internal.protocol;

/** The server asks for the password in clear text (type 'R', code 3). */
public record AuthenticationCleartextPassword() implements Authentication {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final AuthenticationCleartextPassword INSTANCE =
      new AuthenticationCleartextPassword();
}
