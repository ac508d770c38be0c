package dev.tusk.jdbc;

import dev.tusk.Column;
import dev.tusk.Row;
import dev.tusk.errors.TuskException;
import dev.tusk.types.Oids;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only result set over rows already received ({@code TYPE_SCROLL_INSENSITIVE}, or {@code
 * TYPE_FORWARD_ONLY} without a fetch size) or read from the server as it moves ({@code
 * TYPE_FORWARD_ONLY} with a fetch size: {@link StreamedRows}). Values are decoded by Tusk when
 * read, then converted as JDBC's getters require ({@link ColumnValues}).
 */
final class JdbcResultSet extends ResultSetByLabel {

  /** pg_type's OID of {@code oid}, the type of a column naming a large object. */
  private static final int OID_TYPE = 26;

  private final JdbcStatement statement;
  private final List<Column> columns;

  /**
   * Each column's type OID, read by every primitive getter; shared (see ColumnTypes), never
   * written.
   */
  private final int[] typeOids;

  private final ResultRows rows;
  private final int type;
  private Map<String, Integer> labels;
  private int position; // 0 before the first row, the row count + 1 after the last
  private Row current; // the row at position, or null when not on a row
  private boolean wasNull;
  private boolean closed;

  JdbcResultSet(JdbcStatement statement, List<Column> columns, List<Row> rows, int type) {
    this(statement, columns, new CollectedRows(rows), type, new WarningChain());
  }

  /** {@code warnings} receives the notices that arrive while {@code rows} are read. */
  JdbcResultSet(
      JdbcStatement statement,
      List<Column> columns,
      ResultRows rows,
      int type,
      WarningChain warnings) {
    super(warnings);
    this.statement = statement;
    this.columns = columns;
    this.typeOids =
        statement == null
            ? ColumnTypes.of(columns)
            : statement.connection.columnTypes().oids(columns);
    this.rows = rows;
    this.type = type;
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the result set is closed", "HY010");
    }
  }

  private void checkScrollable() throws SQLException {
    checkOpen();
    if (type == TYPE_FORWARD_ONLY) {
      throw new SQLException("the result set is TYPE_FORWARD_ONLY", "HY106");
    }
  }

  /** The current row's value at the 1-based {@code column}, as Tusk decodes it. */
  private Object value(int column) throws SQLException {
    Row row = currentRow(column);
    try {
      Object value = row.get(column - 1);
      wasNull = value == null;
      return value;
    } catch (TuskException e) {
      throw SqlErrors.translate(e, false);
    }
  }

  private <T> T value(int column, Class<T> target) throws SQLException {
    try {
      Row row = rowWithValue(column);
      return row == null ? null : row.get(column - 1, target);
    } catch (TuskException e) {
      throw SqlErrors.translate(e, false);
    }
  }

  /**
   * The server type of {@code column} (1-based), 0 if out of range (the getter's own checks then
   * report it). A primitive getter on a column of its own type reads through the row's primitive
   * getter, with no boxed value in between; any other column goes through JDBC's conversions.
   */
  private int typeOf(int column) {
    return column < 1 || column > typeOids.length ? 0 : typeOids[column - 1];
  }

  /**
   * The current row, or null if {@code column} is NULL on it (recorded for {@link #wasNull()}): one
   * check of the position and the column for the NULL test and the read that follows.
   */
  private Row rowWithValue(int column) throws SQLException {
    Row row = currentRow(column);
    wasNull = row.isNull(column - 1);
    return wasNull ? null : row;
  }

  private Row currentRow(int column) throws SQLException {
    checkOpen();
    if (current == null) {
      throw new SQLException("the result set is not on a row: call next() first", "24000");
    }
    if (column < 1 || column > typeOids.length) {
      throw new SQLException(
          "column index " + column + " is out of range 1.." + columns.size(), "22023");
    }
    return current;
  }

  /**
   * Moves to {@code target} and keeps the row there for the getters, which then need no lookup;
   * returns whether there is one.
   */
  private boolean moveTo(int target) throws SQLException {
    position = target;
    current = null; // a failed read ahead leaves the result set on no row
    boolean onRow = rows.has(position);
    if (onRow) {
      current = rows.get(position);
    }
    return onRow;
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (position == 0 || rows.has(position)) { // else already after the last row
      return moveTo(position + 1);
    }
    return moveTo(position);
  }

  @Override
  public boolean previous() throws SQLException {
    checkScrollable();
    if (position > 0) {
      moveTo(position - 1);
    }
    return position >= 1;
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkScrollable();
    int target = row >= 0 ? row : rows.size() + 1 + row;
    moveTo(Math.max(0, Math.min(target, rows.size() + 1)));
    return position >= 1 && position <= rows.size();
  }

  @Override
  public boolean relative(int offset) throws SQLException {
    checkScrollable();
    return absolute(Math.max(0, position + offset));
  }

  @Override
  public boolean first() throws SQLException {
    return absolute(1);
  }

  @Override
  public boolean last() throws SQLException {
    return absolute(-1);
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkScrollable();
    moveTo(0);
  }

  @Override
  public void afterLast() throws SQLException {
    checkScrollable();
    moveTo(rows.size() + 1);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return position == 0 && rows.has(1);
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return position > 1 && !rows.has(position);
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return position == 1 && rows.has(1);
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return rows.has(position) && !rows.has(position + 1);
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return rows.has(position) ? position : 0;
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      rows.close();
      if (statement != null) {
        statement.resultSetClosed(this);
      }
    }
  }

  /**
   * Holds the rows not read yet in memory, for a result set kept open while its statement moves on
   * ({@code getMoreResults(KEEP_CURRENT_RESULT)}).
   */
  void keepRows() throws SQLException {
    if (!closed) {
      rows.keep();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    if (labels == null) {
      Map<String, Integer> byLabel = new HashMap<>();
      for (int i = columns.size() - 1; i >= 0; i--) { // the first of equal labels wins
        byLabel.put(columns.get(i).name(), i + 1);
        byLabel.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
      }
      labels = byLabel;
    }
    Integer index = labels.get(label);
    if (index == null) {
      index = labels.get(label.toLowerCase(Locale.ROOT));
    }
    if (index == null) {
      throw new SQLException("the result has no column labelled \"" + label + "\"", "42703");
    }
    return index;
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new JdbcResultSetMetaData(
        columns, statement == null ? null : statement.connection.columnOrigins());
  }

  @Override
  public String getString(int column) throws SQLException {
    return value(column, String.class);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    if (typeOf(column) == Oids.BOOL) {
      try {
        Row row = rowWithValue(column);
        return row == null ? false : row.getBoolean(column - 1);
      } catch (TuskException e) {
        throw SqlErrors.translate(e, false);
      }
    }
    return ColumnValues.toBoolean(value(column));
  }

  @Override
  public byte getByte(int column) throws SQLException {
    return ColumnValues.toByte(value(column));
  }

  @Override
  public short getShort(int column) throws SQLException {
    return ColumnValues.toShort(value(column));
  }

  @Override
  public int getInt(int column) throws SQLException {
    int type = typeOf(column);
    if (type == Oids.INT4 || type == Oids.INT2) {
      try {
        Row row = rowWithValue(column);
        return row == null ? 0 : row.getInt(column - 1);
      } catch (TuskException e) {
        throw SqlErrors.translate(e, false);
      }
    }
    return ColumnValues.toInt(value(column));
  }

  @Override
  public long getLong(int column) throws SQLException {
    int type = typeOf(column);
    if (type == Oids.INT8 || type == Oids.INT4 || type == Oids.INT2) {
      try {
        Row row = rowWithValue(column);
        return row == null ? 0 : row.getLong(column - 1);
      } catch (TuskException e) {
        throw SqlErrors.translate(e, false);
      }
    }
    return ColumnValues.toLong(value(column));
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return ColumnValues.toFloat(value(column));
  }

  @Override
  public double getDouble(int column) throws SQLException {
    int type = typeOf(column);
    if (type == Oids.FLOAT8 || type == Oids.FLOAT4) {
      try {
        Row row = rowWithValue(column);
        return row == null ? 0 : row.getDouble(column - 1);
      } catch (TuskException e) {
        throw SqlErrors.translate(e, false);
      }
    }
    return ColumnValues.toDouble(value(column));
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    return ColumnValues.toBigDecimal(value(column));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(column);
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    return value(column, byte[].class);
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return ColumnValues.toDate(value(column), null);
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    return ColumnValues.toDate(value(column), calendar);
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return ColumnValues.toTime(value(column), null);
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    return ColumnValues.toTime(value(column), calendar);
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return ColumnValues.toTimestamp(value(column), null);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    return ColumnValues.toTimestamp(value(column), calendar);
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] bytes = getBytes(column);
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new StringReader(text);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  /** JDBC's class for the value; a composite the connection's type map names, its SQLData. */
  @Override
  public Object getObject(int column) throws SQLException {
    return getObject(column, statement == null ? null : statement.connection.typeMap());
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    Object value = ColumnValues.jdbcDefault(value(column), columns.get(column - 1).typeName());
    return TypeMaps.read(value, map);
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject needs a class", "HY009");
    }
    Object converted = JdbcGetters.byClass(this, column, type);
    if (converted != JdbcGetters.NOT_JDBC) {
      return wasNull ? null : type.cast(converted);
    }
    if (ColumnValues.isLocalTemporal(type)) {
      Object temporal = ColumnValues.temporal(value(column), type);
      if (temporal != null) {
        return type.cast(temporal);
      }
    }
    // Any other class (OffsetDateTime, UUID...) is Tusk's own conversion: decoded once, to it.
    return value(column, type);
  }

  @Override
  public Array getArray(int column) throws SQLException {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw ColumnValues.cannot(value, "java.sql.Array");
    }
    return new JdbcArray(JdbcArray.elementType(columns.get(column - 1).typeName()), list);
  }

  @Override
  public URL getURL(int column) throws SQLException {
    return ColumnValues.toUrl(getString(column));
  }

  @Override
  public Ref getRef(int column) throws SQLException {
    throw MissingInPostgres.ref();
  }

  /** A {@code bytea} value in memory, or for an {@code oid} column the large object it names. */
  @Override
  public Blob getBlob(int column) throws SQLException {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new ByteBlob(bytes);
    }
    if (value instanceof Long oid && largeObject(column)) {
      return new LargeObjectBlob(statement.connection, oid);
    }
    throw new SQLDataException(
        "getBlob reads a bytea or an oid column, not "
            + columns.get(column - 1).typeName()
            + ": read it with getObject",
        "22000");
  }

  /** The same as {@link #getNClob}: PostgreSQL text is Unicode. */
  @Override
  public Clob getClob(int column) throws SQLException {
    return getNClob(column);
  }

  /** For an {@code oid} column the large object it names, else the value's text in memory. */
  @Override
  public NClob getNClob(int column) throws SQLException {
    Object value = value(column);
    if (value instanceof Long oid && largeObject(column)) {
      return new LargeObjectClob(new LargeObjectBlob(statement.connection, oid));
    }
    String text = getString(column);
    return text == null ? null : new TextClob(text);
  }

  /** Whether the column is an {@code oid}, which names a large object (as pgjdbc reads it). */
  private boolean largeObject(int column) {
    return statement != null && columns.get(column - 1).typeOid() == OID_TYPE;
  }

  @Override
  public RowId getRowId(int column) throws SQLException {
    throw MissingInPostgres.rowId();
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new TextSqlXml(text);
  }

  private static SQLException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported yet", "0A000");
  }

  @Override
  public String getCursorName() throws SQLException {
    throw unsupported("named cursors");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD && type == TYPE_FORWARD_ONLY) {
      throw new SQLException("a TYPE_FORWARD_ONLY result set only fetches forward", "HY106");
    }
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return type;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }
}
