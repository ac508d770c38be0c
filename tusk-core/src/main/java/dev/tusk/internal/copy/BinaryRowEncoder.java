package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;

/**
 * The binary format: the signature {@code PGCOPY\n\377\r\n\0}, an int32 of flags (0) and an int32
 * header extension length (0); per row an int16 field count, then per field an int32 length (-1 for
 * NULL) and the value as its type's send function writes it; the trailer, int16 -1. The column
 * types must be known: the server reads each field with its column's receive function, so a value
 * of another type would be refused or, worse, read as a wrong value of the same size.
 */
final class BinaryRowEncoder implements CopyRowEncoder {

  /** The signature, flags and header extension length. */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private final BinaryField<?>[] fields;

  /**
   * @param fields one writer per column, or null when no column types were set
   */
  BinaryRowEncoder(BinaryField<?>[] fields) {
    this.fields = fields;
  }

  @Override
  public void header(WriteBuffer out) {
    out.writeBytes(HEADER);
  }

  @Override
  public void row(Object[] values, WriteBuffer out) {
    if (fields == null) {
      throw new ProgrammingError(
          "binary COPY rows need the column types: call setTypes(...) with the type of each"
              + " column, e.g. setTypes(\"int4\", \"text\"), or use FORMAT text or csv");
    }
    if (values.length != fields.length) {
      throw FieldErrors.columnCount(values.length, fields.length, "the types set for it");
    }
    int start = out.size();
    out.writeInt16(values.length);
    int column = 0;
    try {
      for (; column < values.length; column++) {
        Object value = values[column];
        if (value == null) {
          out.writeInt32(-1);
        } else {
          fields[column].write(value, out);
        }
      }
    } catch (RuntimeException e) {
      out.truncate(start);
      throw FieldErrors.encoding(column, fields[column].codec(), values[column], e);
    }
  }

  @Override
  public void trailer(WriteBuffer out) {
    out.writeInt16(-1);
  }
}
