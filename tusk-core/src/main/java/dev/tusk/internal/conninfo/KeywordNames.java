package dev.tusk.internal.conninfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Questions about keyword spellings, supported or not, asked while parsing. */
final class KeywordNames {

  /** Names people carry over from other drivers, which edit distance would not find. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "database", "dbname",
          "username", "user",
          "ssl", "sslmode",
          "applicationname", "application_name",
          "connecttimeout", "connect_timeout");

  private static final int MAX_SUGGESTION_DISTANCE = 2;

  private KeywordNames() {}

  /** Whether libpq or Tusk knows {@code word}. */
  static boolean isKnown(String word) {
    return Keyword.find(word).isPresent() || UnsupportedKeyword.find(word).isPresent();
  }

  /** Whether values of {@code word} must never be echoed. */
  static boolean isSecret(String word) {
    return Keyword.find(word).map(Keyword::isSecret).orElse(false)
        || UnsupportedKeyword.find(word).map(UnsupportedKeyword::isSecret).orElse(false);
  }

  /** The known keyword an unknown {@code word} was probably meant to be. */
  static Optional<String> closest(String word) {
    String alias = ALIASES.get(word.toLowerCase(Locale.ROOT));
    if (alias != null) {
      return Optional.of(alias);
    }
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    for (String known : allWords()) {
      int distance = distance(word, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<String> allWords() {
    List<String> words = new ArrayList<>();
    for (Keyword keyword : Keyword.values()) {
      words.add(keyword.word());
    }
    for (UnsupportedKeyword keyword : UnsupportedKeyword.values()) {
      words.add(keyword.word());
    }
    return words;
  }

  /** Levenshtein distance, case-insensitive (keywords are lower case). */
  private static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
