package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.copy.CopyFormat;
import dev.tusk.internal.copy.CopyFormats;
import dev.tusk.internal.copy.CopyOptions;
import dev.tusk.internal.copy.CopyRowDecoder;
import dev.tusk.internal.copy.CopyRowEncoder;
import dev.tusk.internal.copy.CopyTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * COPY data exchanged with the server through a file on the server, so that the formats are checked
 * against a real PostgreSQL without the COPY sub-protocol: bytes go to a file with {@code
 * lo_export} and the server reads them with {@code COPY ... FROM 'file'}; the server writes with
 * {@code COPY ... TO 'file'} and the bytes come back with {@code pg_read_binary_file}. Both need a
 * superuser, which the embedded test server's connections are.
 */
final class ServerCopyFiles {

  private final Connection conn;
  private final String path;

  ServerCopyFiles(Connection conn) {
    this.conn = conn;
    boolean superuser =
        conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            .fetchOne()
            .get(0, Boolean.class);
    assumeTrue(superuser, "reading and writing server files needs a superuser");
    String directory = conn.execute("SHOW data_directory").fetchOne().get(0, String.class);
    this.path = directory + "/tusk-copy-" + UUID.randomUUID() + ".dat";
  }

  /** The file as a string literal for COPY. */
  String file() {
    return "'" + path.replace("'", "''") + "'";
  }

  /** The server reads {@code data} with {@code COPY table FROM file options}; returns the count. */
  long copyIn(String table, String options, byte[] data) {
    long object =
        conn.execute("SELECT lo_from_bytea(0, $1)::int8", data).fetchOne().get(0, Long.class);
    try {
      conn.execute("SELECT lo_export($1::oid, $2)", object, path);
    } finally {
      conn.execute("SELECT lo_unlink($1::oid)", object);
    }
    return conn.execute("COPY " + table + " FROM " + file() + " " + options).rowCount();
  }

  /** The bytes the server writes for {@code COPY source TO file options}. */
  byte[] copyOut(String source, String options) {
    conn.execute("COPY " + source + " TO " + file() + " " + options);
    return conn.execute("SELECT pg_read_binary_file($1)", path).fetchOne().get(0, byte[].class);
  }

  /** The connection's types. */
  TypeScope scope() {
    return (TypeScope) conn.types();
  }

  CopyRowEncoder encoder(String sql, String... types) {
    CopyOptions options = CopyOptions.parse(sql);
    return CopyFormats.encoder(
        options.format() == CopyFormat.BINARY ? 1 : 0,
        options,
        types.length == 0 ? null : CopyTypes.resolve(scope(), types),
        scope());
  }

  CopyRowDecoder decoder(String sql, String... types) {
    CopyOptions options = CopyOptions.parse(sql);
    return CopyFormats.decoder(
        options.format() == CopyFormat.BINARY ? 1 : 0,
        options,
        types.length == 0 ? null : CopyTypes.resolve(scope(), types));
  }

  /** The whole COPY data the encoder writes for {@code rows}: header, rows, trailer. */
  static byte[] encode(CopyRowEncoder encoder, List<Object[]> rows) {
    WriteBuffer out = new WriteBuffer();
    encoder.header(out);
    for (Object[] row : rows) {
      encoder.row(row, out);
    }
    encoder.trailer(out);
    return out.toByteArray();
  }

  /**
   * The rows in a file the server wrote, cut where the server would have cut its CopyData messages
   * (one per row; the binary header with the first row, the trailer alone), and decoded.
   */
  static List<Object[]> decode(CopyRowDecoder decoder, byte[] data, CopyOptions options) {
    List<Object[]> rows = new ArrayList<>();
    int start = 0;
    while (start < data.length) {
      int end = messageEnd(data, start, options);
      Object[] row = decoder.row(data, start, end - start);
      if (row != null) {
        rows.add(row);
      }
      start = end;
    }
    return rows;
  }

  private static int messageEnd(byte[] data, int start, CopyOptions options) {
    return switch (options.format()) {
      case BINARY -> binaryRowEnd(data, start);
      case TEXT -> lineEnd(data, start, (byte) 0, (byte) 0);
      case CSV -> lineEnd(data, start, (byte) options.quote(), (byte) options.escape());
    };
  }

  /** The end of a line; newlines between quotes (CSV) are data. */
  private static int lineEnd(byte[] data, int start, byte quote, byte escape) {
    boolean quoted = false;
    for (int i = start; i < data.length; i++) {
      byte b = data[i];
      if (quote != 0
          && quoted
          && b == escape
          && escape != quote
          && i + 1 < data.length
          && (data[i + 1] == quote || data[i + 1] == escape)) {
        i++;
      } else if (quote != 0 && b == quote) {
        quoted = !quoted;
      } else if (b == '\n' && !quoted) {
        return i + 1;
      }
    }
    return data.length;
  }

  private static int binaryRowEnd(byte[] data, int start) {
    int position = start;
    if (start == 0) {
      position = 19 + BigEndian.int32(data, 15);
    }
    short fields = BigEndian.int16(data, position);
    position += 2;
    for (int i = 0; i < fields; i++) {
      int length = BigEndian.int32(data, position);
      position += 4 + Math.max(length, 0);
    }
    return position;
  }
}
