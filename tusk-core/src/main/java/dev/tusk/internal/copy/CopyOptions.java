package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import java.util.List;
import java.util.Objects;

/**
 * What a COPY statement says about its data: the format, its separators and markers, whether a
 * header line comes first, and the columns it names. {@link #parse} reads them from the statement's
 * text; the overall format that CopyInResponse or CopyOutResponse announces still decides between
 * binary and the text formats (see {@link CopyFormats}).
 *
 * @param format the format the statement asks for
 * @param from true for {@code COPY ... FROM} (data goes to the server), false for {@code TO}
 * @param columns the column list of {@code COPY table (a, b)}, empty when it has none
 * @param delimiter the character between fields (text and CSV)
 * @param nullString the text that stands for NULL
 * @param defaultString the text that stands for the column's default ({@code DEFAULT}, COPY FROM
 *     only), or null
 * @param quote the CSV quote character
 * @param escape the CSV character that escapes a quote (or itself) inside a quoted field
 * @param header whether the data starts with a header line, and what the server does with it
 */
public record CopyOptions(
    CopyFormat format,
    boolean from,
    List<String> columns,
    char delimiter,
    String nullString,
    String defaultString,
    char quote,
    char escape,
    Header header) {

  /** The {@code HEADER} option. */
  public enum Header {
    /** No header line. */
    NONE,
    /** A header line that the server writes (COPY TO) or skips unread (COPY FROM). */
    PRESENT,
    /** COPY FROM only: the header line's names must match the table's columns. */
    MATCH
  }

  /** The server refuses these as text delimiters: they would read as part of an escape. */
  private static final String NOT_TEXT_DELIMITERS = "\\.abcdefghijklmnopqrstuvwxyz0123456789";

  /** Checks the characters, as the server would, so a bad value fails before any data is sent. */
  public CopyOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(nullString, "nullString");
    Objects.requireNonNull(header, "header");
    columns = List.copyOf(columns);
    if (format != CopyFormat.BINARY) {
      requireSingleByte("DELIMITER", delimiter);
      if (delimiter == '\r' || delimiter == '\n') {
        throw new ProgrammingError("COPY delimiter cannot be newline or carriage return");
      }
      if (nullString.indexOf('\r') >= 0 || nullString.indexOf('\n') >= 0) {
        throw new ProgrammingError(
            "COPY null representation cannot use newline or carriage return");
      }
    }
    if (format == CopyFormat.CSV) {
      requireSingleByte("QUOTE", quote);
      requireSingleByte("ESCAPE", escape);
      if (delimiter == quote) {
        throw new ProgrammingError("COPY delimiter and quote must be different");
      }
    }
    if (format == CopyFormat.TEXT && NOT_TEXT_DELIMITERS.indexOf(delimiter) >= 0) {
      throw new ProgrammingError("COPY delimiter cannot be \"" + delimiter + "\"");
    }
    if (format == CopyFormat.TEXT && endsWithLoneBackslash(nullString)) {
      throw new ProgrammingError(
          "a text COPY NULL marker cannot end with a lone backslash: it would escape the delimiter"
              + " or newline after it, and no row could be read back");
    }
    if (format != CopyFormat.BINARY && nullString.indexOf(delimiter) >= 0) {
      throw new ProgrammingError(
          "COPY delimiter character must not appear in the NULL specification");
    }
    if (format == CopyFormat.CSV && nullString.indexOf(quote) >= 0) {
      throw new ProgrammingError("CSV quote character must not appear in the NULL specification");
    }
  }

  /** The defaults of {@code format}: tab and {@code \N} for text, comma, "" and '"' for CSV. */
  public static CopyOptions defaults(CopyFormat format, boolean from) {
    boolean csv = format == CopyFormat.CSV;
    return new CopyOptions(
        format, from, List.of(), csv ? ',' : '\t', csv ? "" : "\\N", null, '"', '"', Header.NONE);
  }

  /**
   * The options of a COPY statement, in the syntax of PostgreSQL 9.0 and later ({@code WITH (FORMAT
   * csv, HEADER true, DELIMITER ';')}) or the older one ({@code WITH CSV HEADER DELIMITER ';'}).
   *
   * @throws ProgrammingError if the text is not a COPY statement these parsers understand
   */
  public static CopyOptions parse(String sql) {
    return CopyStatement.parse(sql);
  }

  /** These options with another format, keeping what was set explicitly. */
  CopyOptions withFormat(CopyFormat newFormat) {
    return new CopyOptions(
        newFormat, from, columns, delimiter, nullString, defaultString, quote, escape, header);
  }

  private static boolean endsWithLoneBackslash(String text) {
    int backslashes = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static void requireSingleByte(String option, char value) {
    if (value == 0 || value >= 0x80) {
      throw new ProgrammingError("COPY " + option + " must be a single one-byte character");
    }
  }
}
