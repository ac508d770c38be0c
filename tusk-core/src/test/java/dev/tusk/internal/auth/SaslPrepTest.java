package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaslPrepTest {

  // RFC 4013 section 3, examples 1 to 7.

  @Test
  void softHyphenIsMappedToNothing() {
    assertEquals("IX", SaslPrep.prepare("I\u00ADX"));
  }

  @Test
  void asciiIsUnchangedAndCaseIsKept() {
    assertEquals("user", SaslPrep.prepare("user"));
    assertEquals("USER", SaslPrep.prepare("USER"));
  }

  @Test
  void feminineOrdinalIndicatorNormalizesToA() {
    assertEquals("a", SaslPrep.prepare("\u00AA"));
  }

  @Test
  void romanNumeralNineNormalizesToIx() {
    assertEquals("IX", SaslPrep.prepare("\u2168"));
  }

  @Test
  void bellIsProhibited() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0007"));
    assertEquals("SASLprep: prohibited character", e.getMessage());
  }

  @Test
  void rightToLeftTextEndingInADigitViolatesTheBidiRule() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627\u0031"));
    assertTrue(e.getMessage().contains("start and end with a right-to-left"), e.getMessage());
  }

  // Beyond the RFC's examples.

  @Test
  void nonAsciiSpacesBecomeSpace() {
    assertEquals("a b c d", SaslPrep.prepare("a\u00A0b\u3000c\u200Bd"));
  }

  @Test
  void rightToLeftTextIsAcceptedWhenItStartsAndEndsRightToLeft() {
    assertEquals("\u0627\u0031\u0628", SaslPrep.prepare("\u0627\u0031\u0628"));
  }

  @Test
  void mixingRightToLeftAndLeftToRightIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627a\u0628"));
    assertTrue(e.getMessage().contains("mixes"), e.getMessage());
  }

  @Test
  void codePointsUnassignedInUnicode32AreRejectedEvenIfAssignedSince() {
    // U+1F600 (an emoji, Unicode 6.1) is defined in the JDK but was unassigned in Unicode 3.2.
    assertTrue(Character.isDefined(0x1F600));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\uD83D\uDE00"));
    assertTrue(e.getMessage().contains("unassigned"), e.getMessage());
  }

  @Test
  void otherProhibitedCharactersAreRejected() {
    for (String input :
        List.of(
            "\u0085", "\uE000", "\uFDD0", "\uD800", "\uFFFD", "\u2FF0", "\u200E", "\uDB40\uDC01")) {
      assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare(input), input);
    }
  }

  @Test
  void likePostgresAStringThatMapsToNothingIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u00AD\uFEFF"));
    assertArrayEquals("\u00AD\uFEFF".getBytes(UTF_8), SaslPrep.passwordBytes("\u00AD\uFEFF"));
  }

  @Test
  void likePostgresProhibitedCharactersAreCheckedBeforeNormalization() {
    // U+0340 is in table C.8 but normalizes to U+0300, which is allowed.
    assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\u0340"));
  }

  @Test
  void passwordBytesAreTheSaslPrepFormInUtf8() {
    assertArrayEquals("IX a".getBytes(UTF_8), SaslPrep.passwordBytes("I\u00ADX\u00A0\u00AA"));
  }

  @Test
  void rejectedPasswordFallsBackToItsRawUtf8Bytes() {
    assertArrayEquals(new byte[] {7}, SaslPrep.passwordBytes("\u0007"));
    assertArrayEquals(
        new byte[] {(byte) 0xD8, (byte) 0xA7, '1'}, SaslPrep.passwordBytes("\u0627\u0031"));
    assertArrayEquals(new byte[0], SaslPrep.passwordBytes(""));
  }

  @Test
  void rejectionMessagesNeverQuoteTheInput() {
    List<String> messages = new ArrayList<>();
    for (String input :
        List.of("secret\u0007", "\u0627secret1", "\u0627a\u0628", "secret\uD83D\uDE00")) {
      messages.add(
          assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare(input)).getMessage());
    }
    for (String message : messages) {
      assertFalse(message.contains("secret"), message);
      assertFalse(message.contains("\u0627"), message);
    }
  }

  @Test
  void tablesAreConsistentWithUnicodeAcrossAllCodePoints() {
    List<String> randAlCatDisagreements = new ArrayList<>();
    int lCatDisagreements = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean unassigned = StringprepTables.isUnassigned(cp);
      // Code points are never unassigned again, so what the JDK does not know was unknown in 3.2
      // (or is a non-character, which table C.4 prohibits instead).
      if (!Character.isDefined(cp)) {
        assertTrue(unassigned || StringprepTables.isProhibitedOutput(cp), Integer.toHexString(cp));
      }
      if (unassigned) {
        assertFalse(StringprepTables.isRandAlCat(cp) || StringprepTables.isLCat(cp));
        continue;
      }
      assertFalse(StringprepTables.isRandAlCat(cp) && StringprepTables.isLCat(cp));
      byte direction = Character.getDirectionality(cp);
      boolean rightToLeft =
          direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
              || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
      if (rightToLeft != StringprepTables.isRandAlCat(cp)) {
        randAlCatDisagreements.add(Integer.toHexString(cp));
      }
      if ((direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) != StringprepTables.isLCat(cp)) {
        lCatDisagreements++;
      }
    }
    // Only two characters changed between R/AL and another class since Unicode 3.2, and both are
    // prohibited anyway; L changed for about 280 (the Braille block among them).
    assertTrue(
        Set.of("6dd", "70f").containsAll(randAlCatDisagreements),
        randAlCatDisagreements.toString());
    assertTrue(lCatDisagreements > 0 && lCatDisagreements < 300, "L: " + lCatDisagreements);
  }

  @Test
  void tableBoundariesAreInclusive() {
    assertTrue(StringprepTables.isUnassigned(0x0234));
    assertTrue(StringprepTables.isUnassigned(0x024F));
    assertFalse(StringprepTables.isUnassigned(0x0233));
    assertFalse(StringprepTables.isUnassigned(0x0250));
    assertTrue(StringprepTables.isUnassigned(0xEFFFD));
    assertFalse(StringprepTables.isUnassigned(0xEFFFE));
    assertTrue(StringprepTables.isProhibitedOutput(0x10FFFF));
    assertTrue(StringprepTables.isProhibitedOutput(0));
    assertTrue(StringprepTables.isLCat(0x10FFFD));
    assertFalse(StringprepTables.isLCat(0x40));
  }
}
