package dev.tusk.errors.generator;

/** The one layout rule the generated code needs from google-java-format: the line width. */
final class Layout {

  /** google-java-format's maximum line length. */
  static final int MAX_WIDTH = 100;

  private Layout() {}

  /** Whether a line, indentation included, fits within the maximum width. */
  static boolean fits(String line) {
    return line.length() <= MAX_WIDTH;
  }
}
