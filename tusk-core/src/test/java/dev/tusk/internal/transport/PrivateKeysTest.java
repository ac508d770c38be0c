package dev.tusk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.conninfo.Password;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Private keys in every PEM form OpenSSL 3 writes (the fixtures were made with {@code openssl
 * genrsa -traditional}, {@code pkcs8 -topk8 [-v2 aes-256-cbc]} and {@code rsa -aes256|-des3
 * -traditional}, passphrase {@value #PASSPHRASE}): each decodes to the same key.
 */
class PrivateKeysTest {

  private static final String PASSPHRASE = "fixture-pass";
  private static final Path FILE = Path.of("sslkey.pem");

  private static String fixture(String name) throws IOException {
    try (InputStream in = PrivateKeysTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static PrivateKey decode(String name, String passphrase) throws IOException {
    Password password = passphrase == null ? null : new Password(passphrase);
    return PrivateKeys.fromPem(fixture(name), "RSA", password, FILE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rsa-pkcs1.pem",
        "rsa-pkcs8-encrypted.pem",
        "rsa-pkcs1-encrypted.pem",
        "rsa-pkcs1-des3.pem"
      })
  void everyFormDecodesToTheSameKey(String name) throws IOException {
    PrivateKey expected = decode("rsa-pkcs8.pem", null);
    assertArrayEquals(expected.getEncoded(), decode(name, PASSPHRASE).getEncoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8-encrypted.pem", "rsa-pkcs1-encrypted.pem"})
  void aWrongPassphraseIsNamedButNeverShown(String name) {
    TlsSetupException error =
        assertThrows(TlsSetupException.class, () -> decode(name, "guessed-wrong"));
    assertTrue(error.getMessage().contains("wrong sslpassword"), error.getMessage());
    assertFalse(error.getMessage().contains("guessed-wrong"), error.getMessage());
  }

  @Test
  void anEncryptedKeyWithoutPassphraseAsksForSslpassword() {
    TlsSetupException error =
        assertThrows(TlsSetupException.class, () -> decode("rsa-pkcs8-encrypted.pem", null));
    assertTrue(error.getMessage().contains("give its passphrase with sslpassword"));
  }

  @Test
  void sec1EcKeysSayHowToConvertThem() {
    TlsSetupException error =
        assertThrows(
            TlsSetupException.class,
            () -> PrivateKeys.fromPem(fixture("ec-sec1.pem"), "EC", null, FILE));
    assertTrue(error.getMessage().contains("openssl pkcs8 -topk8"), error.getMessage());
  }

  @Test
  void aFileWithoutKeyIsNamed() {
    TlsSetupException error =
        assertThrows(
            TlsSetupException.class,
            () ->
                PrivateKeys.fromPem(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                    "RSA",
                    null,
                    FILE));
    assertTrue(error.getMessage().contains("holds no private key"), error.getMessage());
    assertThrows(
        TlsSetupException.class,
        () -> PrivateKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n", "RSA", null, FILE));
  }
}
