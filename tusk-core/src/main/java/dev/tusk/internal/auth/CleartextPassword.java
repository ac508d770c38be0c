package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;

/** The response to AuthenticationCleartextPassword. */
public final class CleartextPassword {

  private CleartextPassword() {}

  /**
   * The password message body for cleartext authentication: the password in UTF-8, without the NUL
   * terminator.
   *
   * @throws IllegalArgumentException if the password contains NUL, which would cut it short on the
   *     server
   */
  public static byte[] encode(String password) {
    if (password.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a password cannot contain the NUL character");
    }
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
