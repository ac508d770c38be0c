package dev.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CleartextPasswordTest {

  @Test
  void passwordIsSentAsUtf8WithoutTerminator() {
    assertArrayEquals(
        new byte[] {'p', (byte) 0xC3, (byte) 0xA4, 's', 's'},
        CleartextPassword.encode("p\u00E4ss"));
    assertArrayEquals(new byte[0], CleartextPassword.encode(""));
  }

  @Test
  void nulIsRejectedWithoutQuotingThePassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CleartextPassword.encode("Sentinel\0Pa55word"));
    assertFalse(e.toString().contains("Sentinel"), e.toString());
    assertFalse(e.toString().contains("Pa55word"), e.toString());
  }
}
