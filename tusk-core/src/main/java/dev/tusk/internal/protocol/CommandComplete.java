package dev.tusk.internal.protocol;

/**
 * A command finished (CommandComplete, type 'C').
 *
 * @param tag the command tag, such as {@code INSERT 0 5}, {@code UPDATE 3} or {@code CREATE TABLE}
 */
public record CommandComplete(String tag) implements BackendMessage {

  /** The commands whose tag ends with a row count. */
  private static final String[] COUNTED = {
    "INSERT", "DELETE", "UPDATE", "SELECT", "MOVE", "FETCH", "COPY", "MERGE"
  };

  /** The command name: the tag's first word, such as {@code INSERT}. */
  public String command() {
    int space = tag.indexOf(' ');
    return space < 0 ? tag : tag.substring(0, space);
  }

  /**
   * The number of rows the command processed: the tag's last number for INSERT, DELETE, UPDATE,
   * SELECT, MOVE, FETCH, COPY and MERGE; -1 for other commands or a tag without a number.
   */
  public long rowCount() {
    int space = tag.indexOf(' ');
    int nameLength = space < 0 ? tag.length() : space;
    for (String counted : COUNTED) {
      if (counted.length() == nameLength && tag.startsWith(counted)) {
        return lastNumber();
      }
    }
    return -1;
  }

  private long lastNumber() {
    int start = tag.lastIndexOf(' ') + 1;
    // A tag without a count ("SELECT" from very old servers) has no digits to parse.
    if (start == 0 || start == tag.length() || tag.length() - start > 18) {
      return -1;
    }
    long count = 0;
    for (int i = start; i < tag.length(); i++) {
      char digit = tag.charAt(i);
      if (digit < '0' || digit > '9') {
        return -1;
      }
      count = count * 10 + (digit - '0');
    }
    return count;
  }
}
