package dev.tusk.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.CharacterNotInRepertoire;
import dev.tusk.errors.ProgrammingError;
import org.junit.jupiter.api.Test;

class QuotingTest {

  @Test
  void quotesAreDoubledInIdentifiersAndLiterals() {
    assertEquals("\"a\"\"b\"", Quoting.identifier("a\"b"));
    assertEquals("'it''s'", Quoting.literal("it's"));
  }

  @Test
  void backslashesTakeTheEscapeFormAfterASpace() {
    assertEquals(" E'a\\\\b''\\\\'", Quoting.literal("a\\b'\\"));
  }

  @Test
  void otherCharactersAreWrittenAsTheyAre() {
    String value = "$$ -- /* */ \n\t ü 𝄞 ; \"";
    assertEquals("'" + value + "'", Quoting.literal(value));
  }

  @Test
  void nulIsRejected() {
    CharacterNotInRepertoire e =
        assertThrows(CharacterNotInRepertoire.class, () -> Quoting.literal("a\0b"));
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    assertEquals("22021", e.diagnostic().sqlState());
    assertThrows(CharacterNotInRepertoire.class, () -> Quoting.identifier("a\0"));
  }

  @Test
  void unpairedSurrogatesAreRejectedAndPairsPass() {
    assertThrows(CharacterNotInRepertoire.class, () -> Quoting.literal("a\uD800"));
    assertThrows(CharacterNotInRepertoire.class, () -> Quoting.literal("\uDC00a"));
    assertThrows(CharacterNotInRepertoire.class, () -> Quoting.literal("\uD800\uD800x"));
    assertThrows(CharacterNotInRepertoire.class, () -> Quoting.identifier("x\uDFFF"));
    assertEquals("'\uD834\uDD1E'", Quoting.literal("\uD834\uDD1E"));
  }

  @Test
  void emptyIdentifiersAreRejected() {
    assertThrows(ProgrammingError.class, () -> Quoting.identifier(""));
  }
}
