package dev.tusk;

import dev.tusk.errors.OperationalError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.sql.Composable;
import dev.tusk.sql.Composed;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.SQL;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of psycopg2's COPY conveniences ({@link Cursor#copyFrom}, {@link Cursor#copyTo}),
 * composed with quoted identifiers and literals, never spliced.
 */
final class CopyCommands {

  private CopyCommands() {}

  static Composable from(Identifier table, String sep, String nullString, String... columns) {
    return statement(
        "COPY {}{} FROM STDIN (DELIMITER {}, NULL {})", table, sep, nullString, columns);
  }

  static Composable to(Identifier table, String sep, String nullString, String... columns) {
    return statement(
        "COPY {}{} TO STDOUT (DELIMITER {}, NULL {})", table, sep, nullString, columns);
  }

  private static Composable statement(
      String text, Identifier table, String sep, String nullString, String[] columns) {
    return SQL.of(text).format(table, columnList(columns), sep, nullString);
  }

  /** {@code " (a, b)"}, each name quoted; nothing for no columns. */
  private static Composable columnList(String[] columns) {
    if (columns == null || columns.length == 0) {
      return SQL.of("");
    }
    List<Identifier> names = new ArrayList<>(columns.length);
    for (String column : columns) {
      names.add(Identifier.of(column));
    }
    return Composed.of(SQL.of(" ("), SQL.of(", ").join(names), SQL.of(")"));
  }

  /** Writes a text COPY's rows to {@code out}: the server sends each row whole, in UTF-8. */
  static void transferText(Copy copy, Writer out) {
    try {
      for (byte[] row : copy) {
        out.write(new String(row, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new OperationalError("writing the copied data failed: " + e.getMessage(), e);
    }
  }

  /** Refuses a statement that copies the other way than the stream given for it. */
  static void requireDirection(Copy copy, boolean in) {
    if (copy.isWritable() != in) {
      throw new ProgrammingError(
          in
              ? "copyExpert with an InputStream needs COPY ... FROM STDIN; for TO STDOUT pass an"
                  + " OutputStream"
              : "copyExpert with an OutputStream needs COPY ... TO STDOUT; for FROM STDIN pass an"
                  + " InputStream");
    }
  }
}
