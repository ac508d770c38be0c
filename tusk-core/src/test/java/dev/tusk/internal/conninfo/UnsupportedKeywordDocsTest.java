package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every libpq keyword Tusk still refuses has its reason in docs/security.md's "Not supported"
 * table, and the table names no keyword that Tusk has since come to support.
 */
class UnsupportedKeywordDocsTest {

  private static final Path SECURITY = Path.of("..", "docs", "security.md");
  private static final Pattern KEYWORD = Pattern.compile("`([a-z_]+)`");

  @Test
  void eachRefusedKeywordHasADocumentedReasonAndNoOtherIsListed() throws IOException {
    Map<String, String> reasons = notSupportedTable(Files.readString(SECURITY));
    for (UnsupportedKeyword keyword : UnsupportedKeyword.values()) {
      String reason = reasons.get(keyword.word());
      assertTrue(reason != null, keyword.word() + " is refused but not in " + SECURITY);
      assertFalse(reason.isBlank(), keyword.word() + " has no reason in " + SECURITY);
    }
    TreeSet<String> listed = new TreeSet<>(reasons.keySet());
    for (UnsupportedKeyword keyword : UnsupportedKeyword.values()) {
      listed.remove(keyword.word());
    }
    assertEquals(new TreeSet<String>(), listed, "listed as not supported, yet not refused");
  }

  /** The keywords of the table's first column, each with its row's last column (the reason). */
  private static Map<String, String> notSupportedTable(String markdown) {
    String section = markdown.substring(markdown.indexOf("## Not supported"));
    section = section.substring(0, section.indexOf("\n\n", section.indexOf("\n|")));
    Map<String, String> reasons = new HashMap<>();
    for (String line : section.lines().toList()) {
      String[] cells = line.split("\\|");
      if (!line.startsWith("| `") || cells.length < 4) {
        continue;
      }
      Matcher words = KEYWORD.matcher(cells[1]);
      while (words.find()) {
        reasons.put(words.group(1), cells[cells.length - 1].trim());
      }
    }
    return reasons;
  }
}
