package dev.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** tls-server-end-point (RFC 5929 section 4.1) and the gs2-headers of RFC 5802. */
class ChannelBindingTest {

  @ParameterizedTest
  @CsvSource({
    "MD5withRSA, SHA-256",
    "SHA1withRSA, SHA-256",
    "SHA1withECDSA, SHA-256",
    "SHA256withRSA, SHA-256",
    "SHA256withECDSA, SHA-256",
    "SHA384withECDSA, SHA-384",
    "SHA512withRSA, SHA-512"
  })
  void theCertificatesHashIsUpgradedFromMd5AndSha1(String signature, String hash) {
    assertEquals(hash, ChannelBinding.endPointHash(signature));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ed25519", "EdDSA", "RSASSA-PSS"})
  void signaturesWithoutAHashCannotBind(String signature) {
    assertThrows(IllegalArgumentException.class, () -> ChannelBinding.endPointHash(signature));
  }

  @Test
  void clientThatSupportsBindingSaysSoWhenTheServerDoesNot() {
    ChannelBinding binding = ChannelBinding.SUPPORTED_NOT_OFFERED;
    assertEquals("SCRAM-SHA-256", binding.mechanism());
    assertFalse(binding.binds());
    assertEquals(
        "y,,",
        new String(
            Base64.getDecoder().decode(binding.attributeValue()), StandardCharsets.US_ASCII));
  }

  @Test
  void plusCarriesTheHeaderThenTheHash() {
    byte[] hash = new byte[32];
    hash[0] = 7;
    ChannelBinding binding =
        new ChannelBinding("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", hash);
    byte[] decoded = Base64.getDecoder().decode(binding.attributeValue());
    assertEquals(24 + 32, decoded.length);
    assertEquals(7, decoded[24]);
    assertEquals("p=tls-server-end-point,,", new String(decoded, 0, 24, StandardCharsets.US_ASCII));
  }

  @Test
  void plusClientSendsItsMechanismAndHeader() {
    ChannelBinding binding =
        new ChannelBinding("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", new byte[] {1});
    ScramSha256Client client = new ScramSha256Client("pw", 4096, binding);
    assertEquals("SCRAM-SHA-256-PLUS", client.mechanism());
    String first = new String(client.clientFirstMessage(), StandardCharsets.UTF_8);
    assertEquals("p=tls-server-end-point,,n=,r=", first.substring(0, 29));
  }
}
