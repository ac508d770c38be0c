package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * libpq 18's {@code scram_client_key} and {@code scram_server_key}: a user's SCRAM-SHA-256
 * ClientKey and ServerKey, which stand in for the password in a SCRAM exchange. They are what
 * PostgreSQL 18's postgres_fdw and dblink ({@code use_scram_passthrough}) forward after a user
 * logged in with SCRAM, so that a second server with the same verifier accepts the user without
 * anyone knowing the password. Only both together can authenticate: the ClientKey makes the proof,
 * the ServerKey checks the server's signature. Like a password, they are never shown: {@link
 * #toString()} masks them and errors name the keyword only.
 */
public final class ScramKeys {

  /** The length of each key: the output of HMAC-SHA-256. */
  static final int KEY_LENGTH = 32;

  private final byte[] clientKey;
  private final byte[] serverKey;

  private ScramKeys(byte[] clientKey, byte[] serverKey) {
    this.clientKey = clientKey;
    this.serverKey = serverKey;
  }

  /**
   * The keys from the two values, or null when neither is given.
   *
   * @throws ProgrammingError if only one is given, or one is not the base64 encoding of 32 bytes;
   *     the message names the keyword and never the value
   */
  static ScramKeys resolve(OptionValue clientKey, OptionValue serverKey) {
    if (clientKey == null && serverKey == null) {
      return null;
    }
    if (clientKey == null || serverKey == null) {
      OptionValue given = clientKey == null ? serverKey : clientKey;
      throw given.invalid(
          "scram_client_key and scram_server_key go together: the ClientKey proves the client to"
              + " the server and the ServerKey checks the server's proof, so give both (or a"
              + " password instead)");
    }
    return new ScramKeys(decode(clientKey), decode(serverKey));
  }

  /** A copy of the ClientKey, for the caller to zero when done. */
  public byte[] clientKey() {
    return clientKey.clone();
  }

  /** A copy of the ServerKey, for the caller to zero when done. */
  public byte[] serverKey() {
    return serverKey.clone();
  }

  private static byte[] decode(OptionValue value) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.text());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: it is left out.
      throw value.invalid(
          "not base64: expected the base64 encoding of a " + KEY_LENGTH + "-byte SCRAM key");
    }
    if (key.length != KEY_LENGTH) {
      throw value.invalid(
          "a SCRAM-SHA-256 key is "
              + KEY_LENGTH
              + " bytes (44 base64 characters), but this one decodes to "
              + key.length);
    }
    return key;
  }

  /** Always {@code ScramKeys[********]}. */
  @Override
  public String toString() {
    return "ScramKeys[********]";
  }

  /** Compares the keys in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ScramKeys that
        && MessageDigest.isEqual(clientKey, that.clientKey)
        && MessageDigest.isEqual(serverKey, that.serverKey);
  }

  /** The same for all keys: a hash derived from them would leak information. */
  @Override
  public int hashCode() {
    return 0x5c7a3;
  }
}
