package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Md5PasswordTest {

  @Test
  void knownAnswer() {
    // Computed in the shell:
    //   inner=$(printf '%s' 'secretpostgres' | md5sum | cut -d' ' -f1)
    //   { printf '%s' "$inner"; printf '\x01\x02\x03\x04'; } | md5sum
    byte[] response = Md5Password.encode("postgres", "secret", new byte[] {1, 2, 3, 4});

    assertEquals("md5bb41a296aab6baccb36ff243a562abff", new String(response, US_ASCII));
  }

  @Test
  void knownAnswerWithNonAsciiNamesAndHighSaltBytes() {
    // Computed in a UTF-8 shell:
    //   inner=$(printf '%s' 'pässwördrôle' | md5sum | cut -d' ' -f1)
    //   { printf '%s' "$inner"; printf '\xff\x00\x7f\x80'; } | md5sum
    byte[] response =
        Md5Password.encode(
            "r\u00F4le", "p\u00E4ssw\u00F6rd", new byte[] {(byte) 0xFF, 0, 0x7F, (byte) 0x80});

    assertEquals("md56f944862d74b01b8092a9836c9e05684", new String(response, US_ASCII));
  }

  @Test
  void saltMustBeFourBytes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Md5Password.encode("postgres", "Sentinel-Pa55word", new byte[3]));
    assertEquals("an MD5 salt is 4 bytes, not 3", e.getMessage());
    assertFalse(e.toString().contains("Sentinel-Pa55word"));
  }
}
