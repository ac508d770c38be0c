package dev.tusk.bench.driver;

import dev.tusk.bench.data.WideRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes rows in COPY's text format: one line per row, columns separated by tabs. */
final class CopyText {

  private CopyText() {}

  static void write(List<WideRow> rows, OutputStream out) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    for (WideRow row : rows) {
      writer.write(Long.toString(row.id()));
      writer.write('\t');
      writeEscaped(writer, row.label());
      writer.write('\t');
      writer.write(Double.toString(row.score()));
      writer.write('\t');
      writer.write(row.amount().toPlainString());
      writer.write('\t');
      // ISO 8601 with offset, which timestamptz input accepts
      writer.write(row.at().toString());
      writer.write('\t');
      writer.write(row.flag() ? 't' : 'f');
      writer.write('\t');
      writer.write(row.uid().toString());
      writer.write('\n');
    }
    writer.flush();
  }

  /** Backslash, tab, newline and carriage return must be escaped in the text format. */
  private static void writeEscaped(Writer writer, String text) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> writer.write("\\\\");
        case '\t' -> writer.write("\\t");
        case '\n' -> writer.write("\\n");
        case '\r' -> writer.write("\\r");
        default -> writer.write(c);
      }
    }
  }
}
