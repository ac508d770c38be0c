package dev.tusk.internal.client;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.copy.CopyFormats;
import dev.tusk.internal.copy.CopyOptions;
import dev.tusk.internal.copy.CopyRowDecoder;
import dev.tusk.internal.copy.CopyRowEncoder;
import dev.tusk.internal.copy.CopyTypes;
import dev.tusk.types.Codec;

/**
 * A COPY's typed rows: values encoded into its data, or decoded from it, in the format the server
 * announced, with the statement's options (CSV delimiter, NULL marker, header...) and the column
 * types from {@code setTypes}. The statement's text is read only when the first row is, so raw
 * COPYs never depend on it.
 */
final class CopyRows {

  private final String sql;
  private final TypeScope types;
  private final CopyColumnTypes columnTypes;
  private Codec<?>[] codecs;
  private CopyRowEncoder encoder;
  private CopyRowDecoder decoder;

  /**
   * @param columnTypes the target table's column types, asked for before a binary COPY FROM STDIN
   *     started (null for any other COPY): the types of rows written without {@code setTypes}
   */
  CopyRows(String sql, TypeScope types, CopyColumnTypes columnTypes) {
    this.sql = sql;
    this.types = types;
    this.columnTypes = columnTypes;
  }

  /** Sets the column types by name (psycopg's {@code set_types}); before the first row. */
  void setTypes(CopyChannel channel, String... typeNames) {
    if (encoder != null || decoder != null) {
      throw new ProgrammingError("setTypes must come before the first row is written or read");
    }
    if (typeNames == null || typeNames.length == 0) {
      throw new ProgrammingError("setTypes needs a type name per column");
    }
    int columns = channel.columnCount();
    if (typeNames.length != columns) {
      throw new ProgrammingError(
          "setTypes got " + typeNames.length + " types for a COPY of " + columns + " columns");
    }
    // A type the connection has not seen yet is looked up in the catalog: for data out, this
    // thread reads the COPY meanwhile (the rest is collected), and data in refuses the query.
    channel.own();
    Codec<?>[] resolved = new Codec<?>[typeNames.length];
    for (int i = 0; i < typeNames.length; i++) {
      resolved[i] = resolve(channel, typeNames[i]);
    }
    codecs = resolved;
  }

  /** One type name's codec; during COPY IN, a name that needs the catalog is refused clearly. */
  private Codec<?> resolve(CopyChannel channel, String typeName) {
    if (!channel.copiesIn() || typeName == null || typeName.isBlank()) {
      return CopyTypes.resolve(types, typeName)[0];
    }
    try {
      return CopyTypes.resolve(types, typeName)[0];
    } catch (ProgrammingError refused) {
      throw new ProgrammingError(
          "setTypes: type \""
              + typeName
              + "\" is not one this connection knows yet, and during COPY FROM STDIN it cannot"
              + " ask the catalog (a catalog lookup would travel as COPY data): check the name,"
              + " or look the type up before the COPY (conn.types().codec(\""
              + typeName
              + "\")); the COPY goes on, and close() abandons it",
          refused);
    }
  }

  /** Encodes one row into the COPY's pending data, sending it once a message is full. */
  void write(CopyChannel channel, Object[] values) {
    WriteBuffer pending = channel.pending();
    if (encoder == null) {
      if (codecs == null && columnTypes != null && channel.format() == 1) {
        codecs = columnTypes.codecs(types);
      }
      encoder = CopyFormats.encoder(channel.format(), options(), codecs, types);
      encoder.header(pending);
    }
    encoder.row(values, pending);
    channel.sent();
  }

  /** Appends what ends the rows (the binary trailer), if any row or header was written. */
  void end(CopyChannel channel) {
    if (encoder != null) {
      encoder.trailer(channel.pending());
    }
  }

  /** The next row the server sent, decoded, or null at the end. */
  Object[] read(CopyChannel channel) {
    if (decoder == null) {
      decoder = CopyFormats.decoder(channel.format(), options(), codecs);
    }
    for (byte[] data; (data = channel.read()) != null; ) {
      Object[] row = decoder.row(data, 0, data.length);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private CopyOptions options() {
    return CopyOptions.parse(sql);
  }
}
