package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Row;
import dev.tusk.RowMaker;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.builtin.BinaryPrimitives;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowChunks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;

/**
 * A row over one DataRow: the message body is the row's storage, and each value is decoded only
 * when it is read.
 *
 * <p>The session's reader makes every DataRow as a {@code ResultRow} ({@link #MAKER}), so the row a
 * cursor hands out is the message itself: one object per row, nothing wrapped again. A small body
 * shares a chunk with other rows' (see {@link RowChunks}); what the cursor does with the row once a
 * row maker has made its value decides what becomes of it:
 *
 * <ul>
 *   <li>a row handed to the application as a value ({@link #detach}) moves to a copy of its body of
 *       its own, so a kept row never pins a chunk;
 *   <li>a row read only inside a maker ({@link #release}) lets go of its body: the chunk returns to
 *       the pool once all its rows have, and a row used after that fails loudly instead of reading
 *       another row's bytes.
 * </ul>
 *
 * <p>Its columns, which only the consumer can resolve, are bound when it is first handed out
 * ({@link #of}); the same row handed out again with other columns is copied, so a row never changes
 * once someone holds it.
 */
final class ResultRow extends DataRow implements Row {

  /** Makes the reader's DataRows rows of this kind, not yet bound to columns. */
  static final DataRow.Maker MAKER =
      new DataRow.Maker() {
        @Override
        public DataRow make(byte[] body) {
          return new ResultRow(body, 0);
        }

        @Override
        public boolean sharesChunks() {
          return true;
        }

        @Override
        public DataRow make(byte[] chunk, int start) {
          return new ResultRow(chunk, start);
        }
      };

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

  // The fields of walked: the column walked to, where the body starts, where that column's length
  // field is. The start never changes once the row is handed out; it lives here, not in a field
  // of its own, so that a row stays one 32-byte object.
  private static final int COLUMN_SHIFT = 48;
  private static final int START_SHIFT = 32;
  private static final long START_BITS = 0xFFFFL << START_SHIFT;

  /**
   * The columns the row is read with: null until it is first handed out, then never changed. Set by
   * the thread that hands the row out, before anyone else can see it.
   */
  private ResultColumns columns;

  /**
   * How far reading has walked the row (see {@link #walked}): columns are mostly read in order, so
   * finding the next one costs one step and no allocation. One long, read and written atomically
   * (opaque), so a row shared between threads never pairs one column with another's position.
   */
  @SuppressWarnings("unused") // through WALKED
  private long walked;

  /** Every column's value offset, made once a column before the walked one is read; or null. */
  @SuppressWarnings("unused") // through OFFSETS
  private int[] offsets;

  /** A row the reader made, over a body it checked at {@code start}; bound when handed out. */
  private ResultRow(byte[] bytes, int start) {
    super(bytes);
    this.walked = walked(0, start, start + 2);
  }

  /** A row over a copy of the body of {@code data}, read with {@code columns}. */
  ResultRow(ResultColumns columns, DataRow data) {
    this(ownBody(data), 0);
    this.columns = columns;
  }

  /**
   * {@code row} as a row read with {@code columns}: the row itself if the reader made it and it is
   * unbound or bound to these columns already, else a new row over a copy of its body.
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

  /**
   * Has {@code maker} make the value of {@code data} read with {@code columns}. A maker that
   * returns the row itself keeps it as a value, which then gets a body of its own; any other maker
   * has read it during the call only, and the row lets go of its body.
   */
  static <R> R make(RowMaker<R> maker, DataRow data, ResultColumns columns) {
    ResultRow row = of(data, columns);
    R made = maker.make(row);
    if (made == row) {
      row.detach();
    } else {
      row.release();
    }
    return made;
  }

  /** The body of {@code row} in an array of its own: the row's own if it has one. */
  private static byte[] ownBody(DataRow row) {
    byte[] bytes = storage(row);
    int start = row.start();
    return start == 0 ? bytes : Arrays.copyOfRange(bytes, start, start + row.length());
  }

  /**
   * Gives the row a copy of its body of its own if it shares a chunk, before it is handed to the
   * application as a value. Called by the thread that made it, before anyone else sees it.
   */
  void detach() {
    int start = start();
    if (start > 0) {
      byte[] chunk = bytes();
      moveTo(ownBody(this));
      WALKED.setOpaque(this, walked(0, 0, 2));
      OFFSETS.setRelease(this, null);
      RowChunks.release(chunk);
    }
  }

  /**
   * Lets go of the row's body once a row maker has made its value: the row was the maker's to read
   * during the call only. Reading it afterwards fails (see {@link #storage}). Called once, by the
   * thread that made it.
   */
  void release() {
    byte[] bytes = bytes();
    if (bytes != null) {
      moveTo(null);
      if (start() > 0) {
        RowChunks.release(bytes);
      }
    }
  }

  @Override
  public int start() {
    return (int) (((long) WALKED.getOpaque(this) & START_BITS) >>> START_SHIFT);
  }

  @Override
  public int length() {
    int start = start();
    return start == 0 ? bytes().length : RowChunks.length(bytes(), start);
  }

  private static long walked(int column, int start, int field) {
    return ((long) column << COLUMN_SHIFT) | ((long) start << START_SHIFT) | (field & 0xFFFFFFFFL);
  }

  /** The array holding {@code row}'s body; fails for a row released after its maker returned. */
  private static byte[] storage(DataRow row) {
    byte[] bytes = row.bytes();
    if (bytes == null) {
      throw new ProgrammingError(
          "this row was read after the row maker it was given to returned: a RowMaker must not"
              + " keep the Row it is given; make the value from it during the call (or return"
              + " the row itself to keep it)");
    }
    return bytes;
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
    byte[] bytes = storage(this);
    int offset = offsetOf(index, bytes);
    return ((long) offset << 32) | (BigEndian.int32(bytes, offset - 4) & 0xFFFFFFFFL);
  }

  private int offsetOf(int index, byte[] bytes) {
    int[] all = (int[]) OFFSETS.getAcquire(this);
    if (all != null) {
      return all[index];
    }
    long state = (long) WALKED.getOpaque(this);
    int column = (int) (state >>> COLUMN_SHIFT);
    if (index < column) {
      // Read out of order: find every column once.
      all = new int[columns.size()];
      locate(all);
      OFFSETS.setRelease(this, all);
      return all[index];
    }
    int field = (int) state;
    for (; column < index; column++) {
      field += 4 + Math.max(BigEndian.int32(bytes, field), 0);
    }
    WALKED.setOpaque(
        this, (state & START_BITS) | ((long) index << COLUMN_SHIFT) | (field & 0xFFFFFFFFL));
    return field + 4;
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
