package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;

class SaslPrepPropertiesTest {

  /**
   * PostgreSQL skips SASLprep for ASCII passwords; SASLprep either leaves ASCII alone or rejects it
   * (control characters), and the fallback is the same bytes, so the results agree.
   */
  @Property
  void asciiPasswordsAreHashedAsTheyAre(@ForAll @CharRange(from = 0, to = 0x7F) String password) {
    assertArrayEquals(password.getBytes(UTF_8), SaslPrep.passwordBytes(password));
  }

  @Property
  void anyPasswordYieldsBytesAndRejectionIsTheOnlyFailure(@ForAll String password) {
    assertTrue(SaslPrep.passwordBytes(password).length >= 0);
    try {
      assertTrue(SaslPrep.prepare(password) != null);
    } catch (IllegalArgumentException rejected) {
      assertTrue(rejected.getMessage().startsWith("SASLprep: "), rejected.getMessage());
    }
  }
}
