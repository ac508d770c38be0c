package dev.tusk.jdbc;

/** Reads the row count out of a command tag such as {@code INSERT 0 5} or {@code UPDATE 3}. */
final class CommandTags {

  private CommandTags() {}

  /** The tag's last number, or 0 for a tag without one ({@code CREATE TABLE}) or none. */
  static long count(String tag) {
    if (tag == null) {
      return 0;
    }
    int end = tag.length();
    int start = end;
    while (start > 0 && Character.isDigit(tag.charAt(start - 1))) {
      start--;
    }
    if (start == end || (start > 0 && tag.charAt(start - 1) != ' ')) {
      return 0;
    }
    return Long.parseLong(tag, start, end, 10);
  }
}
