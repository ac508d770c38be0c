package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a SCRAM-SHA-256 client proves itself with: a password, from which ClientKey and ServerKey
 * are derived with the server's salt and iteration count (RFC 5802 section 3), or the two keys
 * themselves, as libpq 18's {@code scram_client_key} and {@code scram_server_key} give them (a
 * server that knows a user's keys, such as postgres_fdw after a SCRAM login, can pass the login on
 * without knowing the password). One instance serves one exchange: its secret bytes are zeroed once
 * the keys have been taken. {@link #toString()} never shows a secret.
 */
public sealed interface ScramCredential {

  /** The length of ClientKey and ServerKey: the output of HMAC-SHA-256. */
  int KEY_LENGTH = 32;

  /**
   * A password; SASLprep is applied, and if it rejects the password its raw UTF-8 bytes are used,
   * as PostgreSQL does.
   */
  static ScramCredential password(String password) {
    return new PasswordCredential(
        SaslPrep.passwordBytes(Objects.requireNonNull(password, "password")));
  }

  /**
   * ClientKey and ServerKey themselves, so that no key derivation takes place. The arrays become
   * the credential's: {@link #wipe()} zeroes them.
   *
   * @throws IllegalArgumentException unless each is {@link #KEY_LENGTH} bytes long; the message
   *     gives the length, never the key
   */
  static ScramCredential keys(byte[] clientKey, byte[] serverKey) {
    return new KeyCredential(
        checkLength("ClientKey", clientKey), checkLength("ServerKey", serverKey));
  }

  /**
   * The highest iteration count to accept from a server, given the {@code scram_max_iterations}
   * setting: the cap bounds the hashing a hostile server can cause, so keys, which need none, are
   * not held to it.
   */
  int iterationCap(int configured);

  /**
   * ClientKey and ServerKey for the server's {@code salt} and {@code iterations}, in fresh arrays
   * the caller zeroes.
   */
  DerivedKeys keys(byte[] salt, int iterations);

  /** Zeroes the secret; the exchange that needed it is over. */
  void wipe();

  /** What the server must know to sign its final message, for an error message. */
  String serverSecretName();

  /** ClientKey and ServerKey of one exchange. */
  record DerivedKeys(byte[] clientKey, byte[] serverKey) {

    /** Zeroes both keys. */
    void wipe() {
      Arrays.fill(clientKey, (byte) 0);
      Arrays.fill(serverKey, (byte) 0);
    }

    @Override
    public String toString() {
      return "DerivedKeys[********]";
    }
  }

  /** A password, SASLprep'd into bytes. */
  final class PasswordCredential implements ScramCredential {
    private final byte[] password;

    private PasswordCredential(byte[] password) {
      this.password = password;
    }

    @Override
    public int iterationCap(int configured) {
      return configured;
    }

    @Override
    public DerivedKeys keys(byte[] salt, int iterations) {
      byte[] saltedPassword = ScramFunctions.hi(password, salt, iterations);
      try {
        return new DerivedKeys(
            ScramFunctions.hmac(saltedPassword, utf8("Client Key")),
            ScramFunctions.hmac(saltedPassword, utf8("Server Key")));
      } finally {
        Arrays.fill(saltedPassword, (byte) 0);
      }
    }

    @Override
    public void wipe() {
      Arrays.fill(password, (byte) 0);
    }

    @Override
    public String serverSecretName() {
      return "the password";
    }

    @Override
    public String toString() {
      return "ScramCredential[password=********]";
    }
  }

  /** ClientKey and ServerKey as given. */
  final class KeyCredential implements ScramCredential {
    private final byte[] clientKey;
    private final byte[] serverKey;

    private KeyCredential(byte[] clientKey, byte[] serverKey) {
      this.clientKey = clientKey;
      this.serverKey = serverKey;
    }

    @Override
    public int iterationCap(int configured) {
      return Integer.MAX_VALUE;
    }

    @Override
    public DerivedKeys keys(byte[] salt, int iterations) {
      return new DerivedKeys(clientKey.clone(), serverKey.clone());
    }

    @Override
    public void wipe() {
      Arrays.fill(clientKey, (byte) 0);
      Arrays.fill(serverKey, (byte) 0);
    }

    @Override
    public String serverSecretName() {
      return "the ServerKey given as scram_server_key";
    }

    @Override
    public String toString() {
      return "ScramCredential[scram_client_key=********, scram_server_key=********]";
    }
  }

  private static byte[] checkLength(String name, byte[] key) {
    Objects.requireNonNull(key, name);
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a SCRAM-SHA-256 " + name + " is " + KEY_LENGTH + " bytes, not " + key.length);
    }
    return key;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
