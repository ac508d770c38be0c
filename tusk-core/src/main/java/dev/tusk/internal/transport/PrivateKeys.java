package dev.tusk.internal.transport;

import dev.tusk.internal.conninfo.Password;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A private key from PEM text, in the forms OpenSSL writes: {@code PRIVATE KEY} (PKCS#8), {@code
 * ENCRYPTED PRIVATE KEY} (PKCS#8 under a passphrase, as {@code openssl genpkey -aes256} writes),
 * {@code RSA PRIVATE KEY} (PKCS#1), optionally encrypted the older OpenSSL way ({@code Proc-Type:
 * 4,ENCRYPTED} with {@code DEK-Info}).
 */
final class PrivateKeys {

  /** OpenSSL's legacy PEM ciphers: JCE transformation and key length. */
  private static final Map<String, Integer> LEGACY_KEY_LENGTHS =
      Map.of("AES-128-CBC", 16, "AES-192-CBC", 24, "AES-256-CBC", 32, "DES-EDE3-CBC", 24);

  private PrivateKeys() {}

  /**
   * The key in {@code pem}.
   *
   * @param algorithm the key's algorithm, from its certificate ({@code RSA}, {@code EC}, ...)
   * @param password {@code sslpassword}, or null
   * @param file where the text came from, for messages
   */
  static PrivateKey fromPem(String pem, String algorithm, Password password, Path file)
      throws TlsSetupException {
    List<PemBlocks.Block> blocks;
    try {
      blocks = PemBlocks.parse(pem);
    } catch (IllegalArgumentException e) {
      throw new TlsSetupException(
          "sslkey file \"" + file + "\" is not valid PEM: " + e.getMessage());
    }
    for (PemBlocks.Block block : blocks) {
      switch (block.label()) {
        case "PRIVATE KEY" -> {
          return decode(block.der(), algorithm, file);
        }
        case "ENCRYPTED PRIVATE KEY" -> {
          return decode(decryptPkcs8(block.der(), secret(password, file), file), algorithm, file);
        }
        case "RSA PRIVATE KEY" -> {
          byte[] pkcs1 = block.der();
          if ("4,ENCRYPTED".equals(block.headers().get("Proc-Type"))) {
            pkcs1 = decryptLegacy(block, secret(password, file), file);
          }
          return decode(Der.pkcs8FromPkcs1(pkcs1), "RSA", file);
        }
        case "EC PRIVATE KEY" ->
            throw new TlsSetupException(
                "sslkey file \""
                    + file
                    + "\" holds an EC key in SEC1 form, which Tusk does not read: convert it with"
                    + " openssl pkcs8 -topk8");
        default -> {
          // Other blocks (parameters, certificates) may share the file.
        }
      }
    }
    throw new TlsSetupException("sslkey file \"" + file + "\" holds no private key");
  }

  private static char[] secret(Password password, Path file) throws TlsSetupException {
    if (password == null) {
      throw new TlsSetupException(
          "sslkey file \"" + file + "\" is encrypted: give its passphrase with sslpassword");
    }
    return password.reveal().toCharArray();
  }

  private static PrivateKey decode(byte[] pkcs8, String algorithm, Path file)
      throws TlsSetupException {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(
          "could not read the "
              + algorithm
              + " private key in \""
              + file
              + "\" (does it belong to sslcert?): "
              + e.getMessage(),
          e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static byte[] decryptPkcs8(byte[] der, char[] secret, Path file)
      throws TlsSetupException {
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      AlgorithmParameters parameters = info.getAlgParameters();
      // For PBES2 the parameters name the real scheme, e.g. PBEWithHmacSHA256AndAES_256.
      String scheme = parameters == null ? info.getAlgName() : parameters.toString();
      var key = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(secret));
      Cipher cipher = Cipher.getInstance(scheme);
      cipher.init(Cipher.DECRYPT_MODE, key, parameters);
      return info.getKeySpec(cipher).getEncoded();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw wrongPassword(file, e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** OpenSSL's traditional encryption: EVP_BytesToKey with MD5 over passphrase and IV salt. */
  private static byte[] decryptLegacy(PemBlocks.Block block, char[] secret, Path file)
      throws TlsSetupException {
    String[] dekInfo = block.headers().getOrDefault("DEK-Info", "").split(",");
    Integer keyLength = dekInfo.length == 2 ? LEGACY_KEY_LENGTHS.get(dekInfo[0]) : null;
    if (keyLength == null) {
      throw new TlsSetupException(
          "sslkey file \"" + file + "\" uses an unsupported cipher: DEK-Info " + dekInfo[0]);
    }
    byte[] passphrase = new String(secret).getBytes(StandardCharsets.UTF_8);
    Arrays.fill(secret, '\0');
    try {
      byte[] iv = HexFormat.of().parseHex(dekInfo[1]);
      byte[] key = bytesToKey(passphrase, Arrays.copyOf(iv, 8), keyLength);
      boolean aes = dekInfo[0].startsWith("AES");
      Cipher cipher = Cipher.getInstance(aes ? "AES/CBC/PKCS5Padding" : "DESede/CBC/PKCS5Padding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, aes ? "AES" : "DESede"),
          new IvParameterSpec(iv));
      Arrays.fill(key, (byte) 0);
      return cipher.doFinal(block.der());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw wrongPassword(file, e);
    } finally {
      Arrays.fill(passphrase, (byte) 0);
    }
  }

  private static byte[] bytesToKey(byte[] passphrase, byte[] salt, int length)
      throws GeneralSecurityException {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    byte[] key = new byte[length];
    byte[] previous = new byte[0];
    for (int filled = 0; filled < length; ) {
      md5.update(previous);
      md5.update(passphrase);
      md5.update(salt);
      previous = md5.digest();
      int count = Math.min(previous.length, length - filled);
      System.arraycopy(previous, 0, key, filled, count);
      filled += count;
    }
    return key;
  }

  private static TlsSetupException wrongPassword(Path file, Exception cause) {
    // The cause's message never holds the passphrase; its class says what failed.
    return new TlsSetupException(
        "could not decrypt sslkey file \""
            + file
            + "\": wrong sslpassword? ("
            + cause.getClass().getSimpleName()
            + ")",
        cause);
  }
}
