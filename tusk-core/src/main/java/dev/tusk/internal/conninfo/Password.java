package dev.tusk.internal.conninfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret (a password or a key passphrase) that never shows up in {@code toString()}, logs or
 * error messages. {@link #reveal()} is the only way to read it.
 */
public final class Password {

  private static final String MASK = "********";

  private final String secret;

  /** Wraps {@code secret}. */
  public Password(String secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** The secret itself; call only where it is sent or hashed. */
  public String reveal() {
    return secret;
  }

  /** Always {@code ********}. */
  @Override
  public String toString() {
    return MASK;
  }

  /** Compares the secrets in constant time, so timing does not reveal a common prefix. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Password that
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), that.secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The same for every password: a hash derived from the secret would leak information. */
  @Override
  public int hashCode() {
    return 0x5ec12e7;
  }
}
