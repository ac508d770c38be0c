package dev.tusk.internal.copy;

import dev.tusk.errors.BadCopyFileFormat;
import dev.tusk.errors.DataError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Codec;

/** The errors of encoding and decoding COPY rows, each naming the column and the types at fault. */
final class FieldErrors {

  private FieldErrors() {}

  /** A value that its column's codec could not encode: always a DataError. */
  static DataError encoding(int column, Codec<?> codec, Object value, RuntimeException cause) {
    return new DataError(
        "COPY column index "
            + column
            + (codec == null ? "" : " (" + codec.typeName() + ")")
            + ": cannot encode a "
            + value.getClass().getName()
            + ": "
            + cause.getMessage(),
        cause);
  }

  /** A value the server sent that its column's codec could not decode. */
  static DataError decoding(int column, Codec<?> codec, RuntimeException cause) {
    return new DataError(
        "COPY column index "
            + column
            + " ("
            + codec.typeName()
            + "): cannot decode the value: "
            + cause.getMessage(),
        cause);
  }

  /** Bytes that are not COPY data of the expected format. */
  static BadCopyFileFormat badData(String message) {
    return new BadCopyFileFormat(Diagnostic.client(BadCopyFileFormat.SQLSTATE, message));
  }

  /** A row whose number of values differs from the number of columns the COPY has. */
  static ProgrammingError columnCount(int values, int columns, String source) {
    return new ProgrammingError(
        "the row has "
            + values
            + " values but the COPY has "
            + columns
            + " columns ("
            + source
            + ")");
  }
}
