package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** The response to AuthenticationMD5Password. */
public final class Md5Password {

  private static final int SALT_LENGTH = 4;

  private Md5Password() {}

  /**
   * The password message body for MD5 authentication: {@code "md5" + hex(md5(hex(md5(password +
   * user)) + salt))}, in ASCII, without the NUL terminator. Password and user name are hashed as
   * UTF-8.
   *
   * @param user the role name sent in the startup message
   * @param salt the 4 bytes from AuthenticationMD5Password
   * @throws IllegalArgumentException if the salt is not 4 bytes long
   */
  public static byte[] encode(String user, String password, byte[] salt) {
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException(
          "an MD5 salt is " + SALT_LENGTH + " bytes, not " + salt.length);
    }
    byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
    byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
    byte[] inner = md5Hex(concat(passwordBytes, userBytes));
    byte[] outer = md5Hex(concat(inner, salt));
    byte[] response = concat("md5".getBytes(StandardCharsets.US_ASCII), outer);
    Arrays.fill(passwordBytes, (byte) 0);
    Arrays.fill(inner, (byte) 0);
    return response;
  }

  /** The MD5 digest of {@code data} as lowercase hex ASCII; zeroes {@code data}. */
  private static byte[] md5Hex(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(data);
      Arrays.fill(data, (byte) 0);
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks MD5", e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
