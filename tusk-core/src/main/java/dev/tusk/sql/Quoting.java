package dev.tusk.sql;

import dev.tusk.errors.CharacterNotInRepertoire;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;

/**
 * The one routine that quotes identifiers and string literals for SQL text. Everything in this
 * package that puts a name or a value into SQL goes through it.
 *
 * <p>What it guards against, and why:
 *
 * <ul>
 *   <li><b>NUL</b> cannot be part of any PostgreSQL text; the server would reject it, and a C-based
 *       tool on the way might cut the text there. Rejected.
 *   <li><b>Unpaired UTF-16 surrogates</b> have no UTF-8 form: Java would encode them as {@code ?},
 *       so the server would see a different string than the caller meant. Rejected, as libpq
 *       rejects invalid multibyte input since CVE-2025-1094 (where an invalid sequence could
 *       swallow the closing quote and let the rest of the value run as SQL).
 *   <li><b>Quotes</b> are doubled: {@code '} in a literal, {@code "} in an identifier.
 *   <li><b>Backslashes</b> are ordinary characters in a standard string when {@code
 *       standard_conforming_strings} is on, and escapes when it is off. A value that holds one is
 *       written in the escape-string form {@code E'...'}, each backslash doubled, which reads the
 *       same under either setting, as libpq's {@code PQescapeLiteral} does. Rendering for the
 *       setting the server last reported would not be safe: a {@code SET} between rendering and
 *       running (another thread's, say) would make the server read a backslash before a doubled
 *       quote as an escape, end the string early and run the rest of the value as SQL. The form
 *       starts with a space, so that it cannot fuse with a preceding word ({@code xE'}).
 * </ul>
 *
 * Every other character, including {@code $$}, {@code --}, {@code /*} and line breaks, is inert
 * inside quotes and is written as is.
 */
public final class Quoting {

  private Quoting() {}

  /**
   * {@code name} as a quoted identifier: {@code "name"}, with each {@code "} doubled. Quoting keeps
   * the name's case and lets it be a keyword.
   *
   * @throws CharacterNotInRepertoire if the name holds NUL or an unpaired surrogate
   * @throws ProgrammingError if the name is empty
   */
  public static String identifier(String name) {
    checkText(name, "an identifier");
    if (name.isEmpty()) {
      throw new ProgrammingError("an identifier cannot be empty");
    }
    return quote(name, '"', false);
  }

  /**
   * {@code value} as a string literal that the server reads back as exactly {@code value}, whatever
   * its {@code standard_conforming_strings}: {@code 'value'} with each {@code '} doubled; when the
   * value holds a backslash, {@code E'value'} with each backslash doubled as well.
   *
   * @throws CharacterNotInRepertoire if the value holds NUL or an unpaired surrogate
   */
  public static String literal(String value) {
    checkText(value, "a string literal");
    boolean escape = value.indexOf('\\') >= 0;
    return (escape ? " E" : "") + quote(value, '\'', escape);
  }

  private static String quote(String text, char quote, boolean doubleBackslashes) {
    StringBuilder out = new StringBuilder(text.length() + 8).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || (doubleBackslashes && c == '\\')) {
        out.append(c);
      }
      out.append(c);
    }
    return out.append(quote).toString();
  }

  /**
   * Checks that {@code text} can be sent as UTF-8 unchanged: no NUL, no unpaired surrogate.
   *
   * @param what what the text is, for the error message ("a string literal")
   * @throws CharacterNotInRepertoire naming the offending position
   */
  static void checkText(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        throw invalid(what + " cannot contain NUL (U+0000), at index " + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid(
            what
                + " cannot contain an unpaired UTF-16 surrogate (U+"
                + Integer.toHexString(c).toUpperCase()
                + " at index "
                + i
                + "): it has no UTF-8 form");
      }
    }
  }

  private static CharacterNotInRepertoire invalid(String message) {
    return new CharacterNotInRepertoire(
        Diagnostic.client(CharacterNotInRepertoire.SQLSTATE, message));
  }
}
