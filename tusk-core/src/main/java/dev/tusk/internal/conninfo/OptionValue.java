package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.util.regex.Pattern;

/**
 * A non-empty value for a keyword and where it came from, so that an error can say which setting to
 * fix. Values of secret keywords are never put in messages.
 *
 * @param keyword what the value is for
 * @param text the value, never empty
 * @param origin where it was found: {@code the connection string} or {@code environment variable
 *     PGPORT}
 */
record OptionValue(Keyword keyword, String text, String origin) {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

  /** An error saying the whole value is wrong, and what was expected instead. */
  ProgrammingError invalid(String expectation) {
    return invalidPart(text, expectation);
  }

  /** An error saying {@code part} (an element of a list value) is wrong. */
  ProgrammingError invalidPart(String part, String expectation) {
    String shown = keyword.isSecret() ? "" : " \"" + part + "\"";
    return new ProgrammingError(
        "invalid " + keyword.word() + shown + " in " + origin + ": " + expectation);
  }

  /** The value as a decimal integer from {@code min} to {@code max}. */
  int intFrom(int min, int max, String expectation) {
    return parseInt(text, min, max, expectation);
  }

  /** {@code part} of the value as a decimal integer from {@code min} to {@code max}. */
  int parseInt(String part, int min, int max, String expectation) {
    // At most ten digits, so that parsing as a long cannot overflow.
    if (!INTEGER.matcher(part).matches()) {
      throw invalidPart(part, expectation);
    }
    long value = Long.parseLong(part);
    if (value < min || value > max) {
      throw invalidPart(part, expectation);
    }
    return (int) value;
  }
}
