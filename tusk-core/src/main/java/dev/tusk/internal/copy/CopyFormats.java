package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.types.Codec;

/**
 * Makes the row encoder and decoder for one COPY. The format is the one the server announced
 * (CopyInResponse or CopyOutResponse: 1 is binary, 0 is text or CSV), with the statement's options
 * telling text from CSV and giving their delimiter, NULL marker, quote, escape and header.
 *
 * <p>Column types are optional for text and CSV: without them values decode to String, and encode
 * as the driver sends their Java class. Binary needs them both ways (see {@link CopyTypes} to
 * resolve names); a binary encoder or decoder made without them fails on its first row with an
 * error naming {@code setTypes}.
 */
public final class CopyFormats {

  private CopyFormats() {}

  /**
   * An encoder for COPY FROM data.
   *
   * @param serverFormat the overall format of CopyInResponse: 0 text (or CSV), 1 binary
   * @param options the statement's options ({@link CopyOptions#parse})
   * @param types the column types, or null
   * @param scope the connection's (or cursor's) types
   * @throws ProgrammingError if the server's format contradicts the statement's, or a type has no
   *     binary form for a binary COPY
   */
  public static CopyRowEncoder encoder(
      int serverFormat, CopyOptions options, Codec<?>[] types, TypeScope scope) {
    CopyOptions effective = effective(serverFormat, options);
    return switch (effective.format()) {
      case TEXT -> new TextRowEncoder(effective, new FieldText(types, scope));
      case CSV -> new CsvRowEncoder(effective, new FieldText(types, scope));
      case BINARY -> new BinaryRowEncoder(binaryFields(requireBinary(types), scope));
    };
  }

  /**
   * A decoder for COPY TO data.
   *
   * @param serverFormat the overall format of CopyOutResponse: 0 text (or CSV), 1 binary
   * @param options the statement's options ({@link CopyOptions#parse})
   * @param types the column types, or null
   * @throws ProgrammingError if the server's format contradicts the statement's, or a type has no
   *     binary form for a binary COPY
   */
  public static CopyRowDecoder decoder(int serverFormat, CopyOptions options, Codec<?>[] types) {
    CopyOptions effective = effective(serverFormat, options);
    return switch (effective.format()) {
      case TEXT -> new TextRowDecoder(effective, types);
      case CSV -> new CsvRowDecoder(effective, types);
      case BINARY -> new BinaryRowDecoder(requireBinary(types));
    };
  }

  /** The options in the format the server announced, which has the last word. */
  private static CopyOptions effective(int serverFormat, CopyOptions options) {
    boolean binary = serverFormat == 1;
    if (serverFormat != 0 && !binary) {
      throw new ProgrammingError("unknown COPY format code " + serverFormat);
    }
    if (binary == (options.format() == CopyFormat.BINARY)) {
      return options;
    }
    if (binary) {
      return CopyOptions.defaults(CopyFormat.BINARY, options.from());
    }
    throw new ProgrammingError(
        "the server announced COPY data in text format where the statement was read as binary;"
            + " write the options as COPY ... WITH (FORMAT binary)");
  }

  private static Codec<?>[] requireBinary(Codec<?>[] types) {
    if (types == null) {
      return null;
    }
    for (int i = 0; i < types.length; i++) {
      if (!types[i].hasBinary()) {
        throw new ProgrammingError(
            "COPY column index "
                + i
                + " has type "
                + types[i].typeName()
                + ", which Tusk has no binary codec for; use FORMAT text or csv, or register a"
                + " codec with a binary form for it");
      }
    }
    return types;
  }

  private static BinaryField<?>[] binaryFields(Codec<?>[] types, TypeScope scope) {
    if (types == null) {
      return null;
    }
    BinaryField<?>[] fields = new BinaryField<?>[types.length];
    for (int i = 0; i < types.length; i++) {
      fields[i] = BinaryField.of(types[i], scope.jsonMapper());
    }
    return fields;
  }
}
