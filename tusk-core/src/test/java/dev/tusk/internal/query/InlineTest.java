package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Client-side binding's substitution: values land exactly where the placeholders were. */
class InlineTest {

  @Test
  void positionalPlaceholdersAreReplacedInTheSourceText() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT $2, '$1', $1 -- $1");
    assertEquals("SELECT 'b', '$1', 'a' -- $1", parsed.inline(List.of("'a'", "'b'")));
  }

  @Test
  void namedPlaceholdersAreReplacedByTheirNumbers() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT :x, :y, :x::text, $$:x$$");
    assertEquals("SELECT 1, 2, 1::text, $$:x$$", parsed.inline(List.of("1", "2")));
  }

  @Test
  void aValueFollowsASpaceUnlessWhitespacePrecedesIt() {
    ParsedSql parsed = PlaceholderParser.parse("SELECT U&$1,($2)");
    assertEquals("SELECT U& 'a',( 'b')", parsed.inline(List.of("'a'", "'b'")));
  }

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertEquals("SELECT 1", PlaceholderParser.parse("SELECT 1").inline(List.of()));
  }
}
