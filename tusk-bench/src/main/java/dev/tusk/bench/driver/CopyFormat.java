package dev.tusk.bench.driver;

import dev.tusk.bench.data.WideRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The two COPY formats pgjdbc's CopyManager can be fed: both are measured, the faster counts. */
public enum CopyFormat {
  /** Tab-separated text lines. */
  TEXT,
  /** PostgreSQL's binary tuple format. */
  BINARY;

  /** The format's name in the COPY statement. */
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Encodes {@code rows} in this format onto {@code out}, header and trailer included. */
  public void write(List<WideRow> rows, OutputStream out) throws IOException {
    switch (this) {
      case TEXT -> CopyText.write(rows, out);
      case BINARY -> CopyBinary.write(rows, out);
    }
  }
}
