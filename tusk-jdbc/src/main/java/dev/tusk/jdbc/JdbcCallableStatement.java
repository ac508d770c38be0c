package dev.tusk.jdbc;

import dev.tusk.Column;
import dev.tusk.StatementDescription;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CallableStatement over JDBC's call escapes, run as pgjdbc runs them (see {@link
 * EscapeCallMode}, pgjdbc's {@code escapeSyntaxCallMode}):
 *
 * <ul>
 *   <li>as a function: {@code {? = call f(?, ...)}} with only its return value registered runs as
 *       {@code SELECT f($1, ...)}, the whole value going to parameter 1; otherwise (a {@code {call
 *       f(?, ...)}}, or more OUT parameters registered) as {@code SELECT * FROM f(...) AS result},
 *       whose columns fill the registered OUT parameters in order. A {@code ?} registered as OUT
 *       and given no value is sent as {@code $n::void}, which PostgreSQL drops from the arguments,
 *       so each OUT argument may have its {@code ?} in the call.
 *   <li>as a procedure: {@code CALL p(?, ...)} (a return value's {@code ?} first). OUT parameters
 *       are sent as NULLs of their registered types (PostgreSQL 14+ takes them so) and INOUT ones
 *       with their values; the row the server returns holds them in order. SQL that is not an
 *       escape, such as {@code CALL p(?)}, runs as written, so.
 * </ul>
 *
 * <p>OUT values are read with the getters by parameter index, converted as result set getters
 * convert. Every method also takes the parameter's name instead of its index ({@link
 * CallParameterNames}).
 */
final class JdbcCallableStatement extends NamedCallParameters {

  private final CallEscape escape;
  private final boolean procedure;
  private final CallParameterNames names;

  /** The procedure's CALL, or for a function its {@code SELECT f(...)}. */
  private final JdbcSql fixed;

  /** JDBC parameter index → registered java.sql.Types, in index order. */
  private final TreeMap<Integer, Integer> outTypes = new TreeMap<>();

  private BitSet rowVoids; // the OUT-only placeholders rowText was written for
  private String rowText;
  private JdbcResultSet outRow;

  private JdbcCallableStatement(
      JdbcConnection connection,
      int resultSetType,
      JdbcSql sql,
      CallEscape escape,
      boolean procedure,
      CallParameterNames names) {
    super(connection, resultSetType, sql);
    this.escape = escape;
    this.procedure = procedure;
    this.names = names;
    this.fixed = sql;
  }

  /** Parses {@code jdbcSql} and picks the form the connection's call mode gives it. */
  static JdbcCallableStatement prepare(JdbcConnection connection, int resultSetType, String jdbcSql)
      throws SQLException {
    CallEscape escape = CallEscape.parse(jdbcSql);
    boolean procedure =
        !escape.escaped() || connection.settings().callMode().runsAsCall(escape.returnsValue());
    if (procedure) {
      String call = escape.asProcedure();
      return new JdbcCallableStatement(
          connection,
          resultSetType,
          JdbcSql.translate(call),
          escape,
          true,
          new CallParameterNames(call, true, 1));
    }
    JdbcSql value = JdbcSql.translate(escape.asFunctionValue());
    JdbcSql sized = new JdbcSql(value.sql(), value.parameterCount() + escape.functionShift());
    return new JdbcCallableStatement(
        connection,
        resultSetType,
        sized,
        escape,
        false,
        new CallParameterNames(escape.routine(), false, 1 + escape.functionShift()));
  }

  @Override
  int parameterIndex(String name) throws SQLException {
    return names.index(connection, name);
  }

  @Override
  public void registerOutParameter(int index, int sqlType) throws SQLException {
    checkOpen();
    if (index < 1 || index > values.length) {
      throw new SQLException(
          "parameter index " + index + " is out of range 1.." + values.length, "22023");
    }
    outTypes.put(index, sqlType);
  }

  @Override
  public void registerOutParameter(int index, int sqlType, int scale) throws SQLException {
    registerOutParameter(index, sqlType);
  }

  @Override
  public void registerOutParameter(int index, int sqlType, String typeName) throws SQLException {
    registerOutParameter(index, sqlType);
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType) throws SQLException {
    registerOutParameter(index, ParameterConversions.typeNumber(sqlType));
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType, int scale) throws SQLException {
    registerOutParameter(index, sqlType);
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType, String typeName)
      throws SQLException {
    registerOutParameter(index, sqlType);
  }

  /** Whether a function runs for its value alone: only its return value is registered. */
  private boolean functionValue() {
    return escape.returnsValue() && outTypes.size() == 1 && outTypes.containsKey(1);
  }

  /** Whether JDBC parameter {@code index} is OUT only: registered, and given no value. */
  private boolean outOnly(int index) {
    return outTypes.containsKey(index) && values[index - 1] == UNSET;
  }

  @Override
  String runText() throws SQLException {
    if (procedure || functionValue()) {
      return fixed.sql();
    }
    int shift = escape.functionShift();
    BitSet voids = new BitSet();
    for (int index = 1 + shift; index <= values.length; index++) {
      if (outOnly(index)) {
        voids.set(index - shift);
      }
    }
    if (rowText == null || !voids.equals(rowVoids)) {
      rowText = JdbcSql.translate(escape.asFunctionRow(), voids::get).sql();
      rowVoids = voids;
    }
    return rowText;
  }

  /** A function's return value is its result's first column, ahead of the arguments. */
  @Override
  List<Column> parameterTypes(StatementDescription described) {
    if (procedure || !escape.returnsValue() || described.columns().isEmpty()) {
      return described.parameters();
    }
    List<Column> types = new ArrayList<>(described.parameters().size() + 1);
    types.add(described.columns().get(0));
    types.addAll(described.parameters());
    return types;
  }

  /** OUT when registered and given no value (the return value too), INOUT with one, else IN. */
  @Override
  int parameterMode(int index) {
    if (!outTypes.containsKey(index)) {
      return ParameterMetaData.parameterModeIn;
    }
    boolean returnSlot = escape.returnsValue() && index == 1;
    return returnSlot || values[index - 1] == UNSET
        ? ParameterMetaData.parameterModeOut
        : ParameterMetaData.parameterModeInOut;
  }

  /**
   * The values sent: a procedure's OUT parameters as typed NULLs; for a function, without its
   * return value, and its OUT-only parameters as the NULLs of their {@code $n::void}.
   */
  @Override
  Object[] boundValues() throws SQLException {
    if (escape.returnsValue() && !outTypes.containsKey(1)) {
      throw new SQLException(
          "register parameter 1 (the return value) as an OUT parameter", "07002");
    }
    int first = procedure ? 0 : escape.functionShift();
    Object[] sent = new Object[values.length - first];
    for (int i = first; i < values.length; i++) {
      Object value = values[i];
      if (value == UNSET) {
        Integer outType = outTypes.get(i + 1);
        if (outType == null) {
          throw new SQLException("no value was set for parameter " + (i + 1), "07002");
        }
        value = procedure ? ParameterConversions.typedNull(outType) : null;
      }
      sent[i - first] = value;
    }
    return sent;
  }

  @Override
  boolean run(String sql, Object[] params, GeneratedKeys keys) throws SQLException {
    outRow = null;
    boolean rows;
    try {
      rows = super.run(sql, params, keys);
    } catch (SQLException e) {
      throw escape.escaped() && "42809".equals(e.getSQLState()) ? wrongKind(e) : e;
    }
    ResultSet result = getResultSet();
    if (!outTypes.isEmpty() && result instanceof JdbcResultSet row && row.next()) {
      int columns = row.getMetaData().getColumnCount();
      if (columns != outTypes.size()) {
        throw new SQLException(
            "the call returned "
                + columns
                + " OUT value(s) but "
                + outTypes.size()
                + " parameter(s) are registered: register every OUT and INOUT parameter"
                + " (registerOutParameter), in the call's order",
            "07001");
      }
      outRow = row;
    }
    return rows;
  }

  /** The server's "is (not) a procedure", with the call mode that chose the form and the fix. */
  private SQLException wrongKind(SQLException e) {
    String fix =
        procedure
            ? "to call a function, use escapeSyntaxCallMode=select (the default), or"
                + " callIfNoReturn with {? = call f(...)}"
            : "to call a procedure, set escapeSyntaxCallMode=callIfNoReturn or call, or write"
                + " CALL p(...) without braces";
    return new SQLSyntaxErrorException(
        e.getMessage()
            + " (the call escape ran as "
            + (procedure ? "CALL" : "SELECT")
            + " under escapeSyntaxCallMode="
            + connection.settings().callMode().value()
            + "; "
            + fix
            + ")",
        e.getSQLState(),
        e.getCause());
  }

  private JdbcResultSet outRow() throws SQLException {
    checkOpen();
    if (outRow == null) {
      throw new SQLException(
          "no OUT values: execute the call first (with its OUT parameters registered)", "HY010");
    }
    return outRow;
  }

  /** The column of the call's result row that holds OUT parameter {@code index}. */
  private int column(int index) throws SQLException {
    if (!outTypes.containsKey(index)) {
      throw new SQLException(
          "parameter " + index + " was not registered as an OUT parameter", "HY000");
    }
    return outTypes.headMap(index).size() + 1;
  }

  @Override
  public boolean wasNull() throws SQLException {
    return outRow().wasNull();
  }

  @Override
  public String getString(int index) throws SQLException {
    return outRow().getString(column(index));
  }

  @Override
  public boolean getBoolean(int index) throws SQLException {
    return outRow().getBoolean(column(index));
  }

  @Override
  public byte getByte(int index) throws SQLException {
    return outRow().getByte(column(index));
  }

  @Override
  public short getShort(int index) throws SQLException {
    return outRow().getShort(column(index));
  }

  @Override
  public int getInt(int index) throws SQLException {
    return outRow().getInt(column(index));
  }

  @Override
  public long getLong(int index) throws SQLException {
    return outRow().getLong(column(index));
  }

  @Override
  public float getFloat(int index) throws SQLException {
    return outRow().getFloat(column(index));
  }

  @Override
  public double getDouble(int index) throws SQLException {
    return outRow().getDouble(column(index));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
    return outRow().getBigDecimal(column(index), scale);
  }

  @Override
  public byte[] getBytes(int index) throws SQLException {
    return outRow().getBytes(column(index));
  }

  @Override
  public Date getDate(int index) throws SQLException {
    return outRow().getDate(column(index));
  }

  @Override
  public Time getTime(int index) throws SQLException {
    return outRow().getTime(column(index));
  }

  @Override
  public Timestamp getTimestamp(int index) throws SQLException {
    return outRow().getTimestamp(column(index));
  }

  @Override
  public Object getObject(int index) throws SQLException {
    return outRow().getObject(column(index));
  }

  @Override
  public BigDecimal getBigDecimal(int index) throws SQLException {
    return outRow().getBigDecimal(column(index));
  }

  @Override
  public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
    return outRow().getObject(column(index), map);
  }

  @Override
  public Ref getRef(int index) throws SQLException {
    return outRow().getRef(column(index));
  }

  @Override
  public Blob getBlob(int index) throws SQLException {
    return outRow().getBlob(column(index));
  }

  @Override
  public Clob getClob(int index) throws SQLException {
    return outRow().getClob(column(index));
  }

  @Override
  public Array getArray(int index) throws SQLException {
    return outRow().getArray(column(index));
  }

  @Override
  public Date getDate(int index, Calendar calendar) throws SQLException {
    return outRow().getDate(column(index), calendar);
  }

  @Override
  public Time getTime(int index, Calendar calendar) throws SQLException {
    return outRow().getTime(column(index), calendar);
  }

  @Override
  public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
    return outRow().getTimestamp(column(index), calendar);
  }

  @Override
  public URL getURL(int index) throws SQLException {
    return outRow().getURL(column(index));
  }

  @Override
  public RowId getRowId(int index) throws SQLException {
    return outRow().getRowId(column(index));
  }

  @Override
  public NClob getNClob(int index) throws SQLException {
    return outRow().getNClob(column(index));
  }

  @Override
  public SQLXML getSQLXML(int index) throws SQLException {
    return outRow().getSQLXML(column(index));
  }

  @Override
  public String getNString(int index) throws SQLException {
    return outRow().getNString(column(index));
  }

  @Override
  public Reader getNCharacterStream(int index) throws SQLException {
    return outRow().getNCharacterStream(column(index));
  }

  @Override
  public Reader getCharacterStream(int index) throws SQLException {
    return outRow().getCharacterStream(column(index));
  }

  @Override
  public <T> T getObject(int index, Class<T> type) throws SQLException {
    return outRow().getObject(column(index), type);
  }
}
