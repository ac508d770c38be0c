package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the text and CSV encoders share: a line per row, fields between delimiters, the NULL marker
 * for null, the header line, and leaving nothing of a row that failed. Subclasses write one
 * non-null field's text with their format's escaping.
 */
abstract sealed class DelimitedRowEncoder implements CopyRowEncoder
    permits TextRowEncoder, CsvRowEncoder {

  final CopyOptions options;
  private final FieldText texts;
  private final byte[] nullMarker;
  private final byte[] defaultMarker;

  DelimitedRowEncoder(CopyOptions options, FieldText texts) {
    this.options = options;
    this.texts = texts;
    this.nullMarker = options.nullString().getBytes(StandardCharsets.UTF_8);
    this.defaultMarker =
        options.defaultString() == null
            ? null
            : options.defaultString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a non-null field's text, escaped or quoted so that the server reads it back as is. */
  abstract void writeField(String text, WriteBuffer out);

  @Override
  public void header(WriteBuffer out) {
    if (options.header() == CopyOptions.Header.NONE) {
      return;
    }
    List<String> names = options.columns();
    if (names.isEmpty() && options.header() == CopyOptions.Header.MATCH) {
      throw new ProgrammingError(
          "COPY with HEADER MATCH needs the columns named in the statement, as in COPY t (a, b)"
              + " FROM STDIN (FORMAT csv, HEADER MATCH), to write the header line; or write the"
              + " header line yourself as raw data");
    }
    // With HEADER true the server skips the line unread: the names are for people only.
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.writeByte(options.delimiter());
      }
      writeField(names.get(i), out);
    }
    out.writeByte('\n');
  }

  @Override
  public void row(Object[] values, WriteBuffer out) {
    int expected = texts.columnCount();
    if (expected >= 0 && values.length != expected) {
      throw FieldErrors.columnCount(values.length, expected, "the types set for it");
    }
    int start = out.size();
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.writeByte(options.delimiter());
        }
        String text = values[i] == null ? null : texts.of(i, values[i]);
        if (text == null) {
          out.writeBytes(nullMarker);
        } else {
          writeText(i, values[i], text, out);
        }
      }
      out.writeByte('\n');
    } catch (RuntimeException e) {
      out.truncate(start);
      throw e;
    }
  }

  private void writeText(int column, Object value, String text, WriteBuffer out) {
    try {
      writeField(text, out);
    } catch (RuntimeException e) {
      throw FieldErrors.encoding(column, null, value, e);
    }
  }

  @Override
  public void trailer(WriteBuffer out) {
    // Text and CSV data simply end; CopyDone tells the server.
  }

  /**
   * Whether a field's text spells the NULL or DEFAULT marker, which the server would read as such.
   */
  final boolean isMarker(String text) {
    return text.equals(options.nullString()) || text.equals(options.defaultString());
  }

  /**
   * Whether the bytes written from {@code start} spell the NULL or DEFAULT marker: the server
   * compares a text format field with them before it reads the escapes.
   */
  final boolean spellsMarker(WriteBuffer out, int start) {
    return equals(out, start, nullMarker)
        || defaultMarker != null && equals(out, start, defaultMarker);
  }

  private static boolean equals(WriteBuffer out, int start, byte[] marker) {
    return out.size() - start == marker.length
        && Arrays.equals(out.array(), start, out.size(), marker, 0, marker.length);
  }
}
