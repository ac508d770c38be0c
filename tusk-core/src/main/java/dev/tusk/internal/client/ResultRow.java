package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.builtin.BinaryPrimitives;
import dev.tusk.internal.protocol.DataRow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * A row over one DataRow: the message body is the row's storage, and each value is decoded only
 * when it is read.
 *
 * <p>The session's reader makes every DataRow as a {@code ResultRow} ({@link #MAKER}), so the row a
 * cursor hands out is the message itself: one object and its body array per row, nothing wrapped
 * again. Its columns, which only the consumer can resolve, are bound when it is first handed out
 * ({@link #of}); the same row handed out again with other columns is copied (sharing the bytes), so
 * a row never changes once someone holds it.
 */
final class ResultRow extends DataRow implements Row {

  /** Makes the reader's DataRows rows of this kind, not yet bound to columns. */
  static final DataRow.Maker MAKER = ResultRow::new;

  private static final VarHandle WALKED;
  private static final VarHandle OFFSETS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      WALKED = lookup.findVarHandle(ResultRow.class, "walked", long.class);
      OFFSETS = lookup.findVarHandle(ResultRow.class, "offsets", int[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The columns the row is read with: null until it is first handed out, then never changed. Set by
   * the thread that hands the row out, before anyone else can see it.
   */
  private ResultColumns columns;

  /**
   * How far reading has walked the row: the column (high half) whose length field starts at 2 plus
   * the low half. Columns are mostly read in order, so finding the next one costs one step and no
   * allocation. One long, read and written atomically (opaque), so a row shared between threads
   * never pairs one column with another's position.
   */
  @SuppressWarnings("unused") // through WALKED
  private long walked;

  /** Every column's value offset, made once a column before the walked one is read; or null. */
  @SuppressWarnings("unused") // through OFFSETS
  private int[] offsets;

  /** A row the reader made, over a body it checked; bound to columns when handed out. */
  private ResultRow(byte[] body) {
    super(body);
  }

  /** A row over the bytes of {@code data}, read with {@code columns}. */
  ResultRow(ResultColumns columns, DataRow data) {
    super(data.bytes());
    this.columns = columns;
  }

  /**
   * {@code row} as a row read with {@code columns}: the row itself if the reader made it and it is
   * unbound or bound to these columns already, else a new row over the same bytes.
   */
  static ResultRow of(DataRow row, ResultColumns columns) {
    if (row instanceof ResultRow made) {
      ResultColumns bound = made.columns;
      if (bound == null) {
        made.columns = columns;
        return made;
      }
      if (bound == columns) {
        return made;
      }
    }
    return new ResultRow(columns, row);
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
    long located = find(index);
    int length = length(located);
    if (length < 0) {
      return null;
    }
    try {
      return columns.decode(index, bytes(), offset(located), length);
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
    long located = find(index);
    int length = length(located);
    if (length < 0) {
      return null;
    }
    try {
      return columns.decode(index, bytes(), offset(located), length, type);
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
    long located = find(index);
    int kind = columns.primitive(index);
    if (kind != BinaryPrimitives.FLOAT8 && BinaryPrimitives.fits(kind, length(located))) {
      return BinaryPrimitives.readLong(kind, bytes(), offset(located));
    }
    return Row.super.getLong(index);
  }

  @Override
  public int getInt(int index) {
    long located = find(index);
    int kind = columns.primitive(index);
    if ((kind == BinaryPrimitives.INT2 || kind == BinaryPrimitives.INT4)
        && BinaryPrimitives.fits(kind, length(located))) {
      return (int) BinaryPrimitives.readLong(kind, bytes(), offset(located));
    }
    return Row.super.getInt(index);
  }

  @Override
  public double getDouble(int index) {
    long located = find(index);
    if (BinaryPrimitives.fits(BinaryPrimitives.FLOAT8, length(located))
        && columns.primitive(index) == BinaryPrimitives.FLOAT8) {
      return BinaryPrimitives.readDouble(bytes(), offset(located));
    }
    return Row.super.getDouble(index);
  }

  @Override
  public boolean getBoolean(int index) {
    long located = find(index);
    if (BinaryPrimitives.fits(BinaryPrimitives.BOOL, length(located))
        && columns.primitive(index) == BinaryPrimitives.BOOL) {
      return BinaryPrimitives.readBoolean(bytes(), offset(located));
    }
    return Row.super.getBoolean(index);
  }

  @Override
  public boolean isNull(int index) {
    return length(find(index)) < 0;
  }

  @Override
  public int indexOf(String name) {
    return columns.indexOf(name);
  }

  /**
   * Where column {@code index}'s value starts in the row's bytes (high half) and its length, -1 for
   * NULL (low half).
   */
  private long find(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new ProgrammingError(
          "column index " + index + " is out of range: the row has " + columns.size() + " columns");
    }
    byte[] bytes = bytes();
    int offset = offsetOf(index, bytes);
    return ((long) offset << 32) | (BigEndian.int32(bytes, offset - 4) & 0xFFFFFFFFL);
  }

  private int offsetOf(int index, byte[] bytes) {
    int[] all = (int[]) OFFSETS.getAcquire(this);
    if (all != null) {
      return all[index];
    }
    long state = (long) WALKED.getOpaque(this);
    int column = (int) (state >>> 32);
    if (index < column) {
      // Read out of order: find every column once.
      all = new int[columns.size()];
      locate(all);
      OFFSETS.setRelease(this, all);
      return all[index];
    }
    int position = (int) state + 2;
    for (; column < index; column++) {
      position += 4 + Math.max(BigEndian.int32(bytes, position), 0);
    }
    WALKED.setOpaque(this, ((long) index << 32) | (position - 2));
    return position + 4;
  }

  private static int offset(long located) {
    return (int) (located >>> 32);
  }

  private static int length(long located) {
    return (int) located;
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
    if (columns == null) {
      // Not handed out yet (a trace of the message, say): there are no columns to name.
      return super.toString();
    }
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
