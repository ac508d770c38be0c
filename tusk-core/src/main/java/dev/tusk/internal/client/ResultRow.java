package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.BinaryPrimitives;
import dev.tusk.internal.protocol.DataRow;
import java.util.List;

/**
 * A row over one DataRow: the message body is the row's storage, and each value is decoded only
 * when it is read.
 */
final class ResultRow implements Row {

  private final ResultColumns columns;
  private final DataRow data;
  private int[] offsets;
  private int[] lengths;

  ResultRow(ResultColumns columns, DataRow data) {
    this.columns = columns;
    this.data = data;
  }

  @Override
  public int size() {
    return columns.size();
  }

  @Override
  public List<String> columnNames() {
    return columns.names();
  }

  @Override
  public List<Column> columns() {
    return columns.columns();
  }

  @Override
  public Object get(int index) {
    int length = locate(index);
    if (length < 0) {
      return null;
    }
    try {
      return columns.decode(index, data.bytes(), offsets[index], length);
    } catch (RuntimeException e) {
      throw atColumn(index, e, Object.class);
    }
  }

  @Override
  public Object get(String name) {
    return get(indexOf(name));
  }

  @Override
  public <T> T get(int index, Class<T> type) {
    int length = locate(index);
    if (length < 0) {
      return null;
    }
    try {
      return columns.decode(index, data.bytes(), offsets[index], length, type);
    } catch (RuntimeException e) {
      throw atColumn(index, e, type);
    }
  }

  @Override
  public <T> T get(String name, Class<T> type) {
    return get(indexOf(name), type);
  }

  // Binary integers, float8 and bool are read straight from the row: no boxing, no registry
  // dispatch.
  // Anything else (NULL, text, another type, a user's codec, a malformed value) takes the general
  // path, which converts or raises the typed error.
  @Override
  public long getLong(int index) {
    int length = locate(index);
    int kind = columns.primitive(index);
    if (kind != BinaryPrimitives.FLOAT8 && BinaryPrimitives.fits(kind, length)) {
      return BinaryPrimitives.readLong(kind, data.bytes(), offsets[index]);
    }
    return Row.super.getLong(index);
  }

  @Override
  public int getInt(int index) {
    int length = locate(index);
    int kind = columns.primitive(index);
    if ((kind == BinaryPrimitives.INT2 || kind == BinaryPrimitives.INT4)
        && BinaryPrimitives.fits(kind, length)) {
      return (int) BinaryPrimitives.readLong(kind, data.bytes(), offsets[index]);
    }
    return Row.super.getInt(index);
  }

  @Override
  public double getDouble(int index) {
    int length = locate(index);
    if (BinaryPrimitives.fits(BinaryPrimitives.FLOAT8, length)
        && columns.primitive(index) == BinaryPrimitives.FLOAT8) {
      return BinaryPrimitives.readDouble(data.bytes(), offsets[index]);
    }
    return Row.super.getDouble(index);
  }

  @Override
  public boolean getBoolean(int index) {
    int length = locate(index);
    if (BinaryPrimitives.fits(BinaryPrimitives.BOOL, length)
        && columns.primitive(index) == BinaryPrimitives.BOOL) {
      return BinaryPrimitives.readBoolean(data.bytes(), offsets[index]);
    }
    return Row.super.getBoolean(index);
  }

  @Override
  public boolean isNull(int index) {
    return locate(index) < 0;
  }

  @Override
  public int indexOf(String name) {
    return columns.indexOf(name);
  }

  /** The length of column {@code index}'s value, -1 for NULL; finds all columns on first use. */
  private int locate(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new ProgrammingError(
          "column index " + index + " is out of range: the row has " + columns.size() + " columns");
    }
    if (offsets == null) {
      int count = columns.size();
      int[] foundOffsets = new int[count];
      int[] foundLengths = new int[count];
      data.locate(foundOffsets, foundLengths);
      offsets = foundOffsets;
      lengths = foundLengths;
    }
    return lengths[index];
  }

  /**
   * The error of decoding column {@code index}, naming the column and its type. A failure that is
   * not the driver's own comes from a user's codec or a class it called: a DataError saying so.
   */
  private TuskException atColumn(int index, RuntimeException e, Class<?> target) {
    String where =
        "column "
            + index
            + " (\""
            + columns.names().get(index)
            + "\", "
            + columns.columns().get(index).typeName()
            + "): ";
    return switch (e) {
      case ProgrammingError error -> new ProgrammingError(where + error.getMessage(), error);
      case TuskException error -> new DataError(where + error.getMessage(), error);
      default ->
          new DataError(
              where + "decoding as " + target.getName() + " failed in its codec: " + e, e);
    };
  }

  /** The value for toString: a value that cannot be decoded must not make printing fail. */
  private Object printable(int index) {
    try {
      return get(index);
    } catch (TuskException e) {
      return "<" + e.getClass().getSimpleName() + ">";
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Row{");
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(columns.names().get(i)).append('=').append(printable(i));
    }
    return text.append('}').toString();
  }
}
