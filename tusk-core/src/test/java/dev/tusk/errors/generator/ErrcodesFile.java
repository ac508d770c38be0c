package dev.tusk.errors.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's errcodes.txt: one code per line as {@code sqlstate E/W/S ERRCODE_MACRO
 * [condition_name]}, with {@code #} comments, blank lines and {@code Section:} headers between.
 */
final class ErrcodesFile {

  private static final Pattern ENTRY =
      Pattern.compile("([0-9A-Z]{5})\\s+([EWS])\\s+ERRCODE_\\w+(?:\\s+([a-z0-9_]+))?");

  private ErrcodesFile() {}

  /**
   * The error conditions, in file order: lines marked E that carry a condition name. Success (S)
   * and warning (W) codes, classes 00 to 02, never arrive as an ErrorResponse; lines without a
   * condition name are alternative C macro names for a code listed elsewhere.
   *
   * @throws IllegalArgumentException for a line of an unknown shape or a SQLSTATE listed twice
   */
  static List<ErrorCode> errors(List<String> lines) {
    List<ErrorCode> codes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("Section:")) {
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        throw new IllegalArgumentException("Unexpected line in errcodes.txt: " + raw);
      }
      if (entry.group(2).equals("E") && entry.group(3) != null) {
        if (!seen.add(entry.group(1))) {
          throw new IllegalArgumentException("SQLSTATE listed twice: " + entry.group(1));
        }
        codes.add(new ErrorCode(entry.group(1), entry.group(3)));
      }
    }
    return codes;
  }
}
