package dev.tusk.internal.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/** The functions RFC 5802 section 2.2 defines, instantiated with SHA-256 (RFC 7677). */
final class ScramFunctions {

  private static final String HMAC = "HmacSHA256";

  private ScramFunctions() {}

  /** HMAC(key, data) with SHA-256. */
  static byte[] hmac(byte[] key, byte[] data) {
    return mac(key).doFinal(data);
  }

  /** H(data): SHA-256. */
  static byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Hi(password, salt, iterations): PBKDF2 with HMAC-SHA-256 and one output block. Written out
   * because the JDK's PBKDF2 takes the password as chars, and SCRAM hashes the SASLprep'd bytes.
   */
  static byte[] hi(byte[] password, byte[] salt, int iterations) {
    Mac mac = mac(password);
    // One buffer for every U(i), so no intermediate key material is left behind unzeroed.
    byte[] block = new byte[mac.getMacLength()];
    try {
      mac.update(salt);
      mac.update(new byte[] {0, 0, 0, 1});
      mac.doFinal(block, 0);
      byte[] result = block.clone();
      for (int i = 1; i < iterations; i++) {
        mac.update(block);
        mac.doFinal(block, 0);
        xorInto(result, block);
      }
      return result;
    } catch (ShortBufferException e) {
      throw new IllegalStateException("HMAC output larger than its own length", e);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  /** {@code target ^= other}, byte by byte; both have the same length. */
  static void xorInto(byte[] target, byte[] other) {
    for (int i = 0; i < target.length; i++) {
      target[i] ^= other[i];
    }
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      // SecretKeySpec refuses an empty key; HMAC pads every key with zeros to the block size, so
      // a single zero byte is the same key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + HMAC, e);
    }
  }
}
