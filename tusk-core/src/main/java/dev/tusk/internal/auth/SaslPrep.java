package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * SASLprep (RFC 4013), the stringprep profile SCRAM applies to passwords, done the way PostgreSQL's
 * {@code pg_saslprep} does it so that the client derives the same key as the server did when the
 * password was set.
 *
 * <p>Two details follow PostgreSQL rather than the letter of RFC 3454: a password that maps to
 * nothing is rejected, and the prohibited-output and bidirectional checks look at the mapped string
 * before normalization. Both matter only for exotic input (for example U+0340, which is prohibited
 * but normalizes to U+0300), and none of the RFC 4013 examples is affected.
 */
final class SaslPrep {

  private SaslPrep() {}

  /**
   * The bytes SCRAM hashes for {@code password}: its SASLprep form in UTF-8 or, when SASLprep
   * rejects it, its raw UTF-8 bytes, as PostgreSQL does on both the server and in libpq.
   */
  static byte[] passwordBytes(String password) {
    String prepared;
    try {
      prepared = prepare(password);
    } catch (IllegalArgumentException rejected) {
      prepared = password;
    }
    return prepared.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Applies SASLprep to {@code input} (a stored string: unassigned code points are prohibited).
   *
   * @throws IllegalArgumentException if the profile rejects the input; the message names the rule,
   *     never the characters
   */
  static String prepare(String input) {
    String mapped = map(input);
    if (mapped.isEmpty()) {
      throw new IllegalArgumentException("SASLprep: the string maps to nothing");
    }
    checkProhibited(mapped);
    checkBidi(mapped);
    return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
  }

  /** RFC 4013 section 2.1: non-ASCII spaces become SPACE, table B.1 characters disappear. */
  private static String map(String input) {
    StringBuilder mapped = new StringBuilder(input.length());
    input
        .codePoints()
        .forEach(
            codePoint -> {
              if (StringprepTables.isNonAsciiSpace(codePoint)) {
                mapped.append(' ');
              } else if (!StringprepTables.isCommonlyMappedToNothing(codePoint)) {
                mapped.appendCodePoint(codePoint);
              }
            });
    return mapped.toString();
  }

  /** RFC 4013 sections 2.3 and 2.5: prohibited output and unassigned code points. */
  private static void checkProhibited(String mapped) {
    mapped
        .codePoints()
        .forEach(
            codePoint -> {
              if (StringprepTables.isProhibitedOutput(codePoint)) {
                throw new IllegalArgumentException("SASLprep: prohibited character");
              }
              if (StringprepTables.isUnassigned(codePoint)) {
                throw new IllegalArgumentException(
                    "SASLprep: code point unassigned in Unicode 3.2");
              }
            });
  }

  /**
   * RFC 3454 section 6: a string with any right-to-left character has no left-to-right character
   * and starts and ends with a right-to-left character.
   */
  private static void checkBidi(String mapped) {
    if (mapped.codePoints().noneMatch(StringprepTables::isRandAlCat)) {
      return;
    }
    if (mapped.codePoints().anyMatch(StringprepTables::isLCat)) {
      throw new IllegalArgumentException(
          "SASLprep: mixes right-to-left and left-to-right characters");
    }
    int first = mapped.codePointAt(0);
    int last = mapped.codePointBefore(mapped.length());
    if (!StringprepTables.isRandAlCat(first) || !StringprepTables.isRandAlCat(last)) {
      throw new IllegalArgumentException(
          "SASLprep: right-to-left text must start and end with a right-to-left character");
    }
  }
}
