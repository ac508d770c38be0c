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
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CallableStatement for the two call forms PostgreSQL has:
 *
 * <ul>
 *   <li>{@code {? = call f(?, ...)}}: a function's return value, run as {@code SELECT f($1, ...)};
 *       parameter 1 is the OUT value and the others are the arguments.
 *   <li>{@code {call p(?, ...)}} or {@code CALL p(?, ...)}: a procedure, run as {@code CALL}. Its
 *       OUT parameters are sent as NULLs of their registered types (PostgreSQL 14+ takes them so)
 *       and its INOUT parameters with their values; the row the server returns holds them in order.
 * </ul>
 *
 * <p>For a function with OUT parameters, run {@code SELECT * FROM f(?)} as a query instead. OUT
 * values are read with the getters by parameter index, converted as result set getters convert.
 * Every method also takes the parameter's name instead of its index ({@link CallParameterNames}).
 */
final class JdbcCallableStatement extends NamedCallParameters {

  private static final Pattern RETURN_CALL =
      Pattern.compile(
          "\\s*\\{\\s*\\?\\s*=\\s*call\\s+(.*)}\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CALL_ESCAPE =
      Pattern.compile("\\s*\\{\\s*call\\s+(.*)}\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final boolean returnsValue;
  private final CallParameterNames names;

  /** JDBC parameter index → registered java.sql.Types, in index order. */
  private final TreeMap<Integer, Integer> outTypes = new TreeMap<>();

  private JdbcResultSet outRow;

  private JdbcCallableStatement(
      JdbcConnection connection,
      int resultSetType,
      JdbcSql sql,
      boolean returnsValue,
      CallParameterNames names) {
    super(connection, resultSetType, sql);
    this.returnsValue = returnsValue;
    this.names = names;
  }

  /** Parses the call form of {@code jdbcSql}; see the class comment. */
  static JdbcCallableStatement prepare(JdbcConnection connection, int resultSetType, String jdbcSql)
      throws SQLException {
    Matcher function = RETURN_CALL.matcher(jdbcSql);
    if (function.matches()) {
      JdbcSql call = JdbcSql.translate(function.group(1));
      JdbcSql select = new JdbcSql("SELECT " + call.sql(), call.parameterCount() + 1);
      return new JdbcCallableStatement(
          connection,
          resultSetType,
          select,
          true,
          new CallParameterNames(function.group(1), false, 2));
    }
    Matcher procedure = CALL_ESCAPE.matcher(jdbcSql);
    String call = procedure.matches() ? procedure.group(1) : jdbcSql;
    String sql = procedure.matches() ? "CALL " + call : jdbcSql;
    return new JdbcCallableStatement(
        connection,
        resultSetType,
        JdbcSql.translate(sql),
        false,
        new CallParameterNames(call, true, 1));
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
    if (returnsValue && index != 1) {
      throw new SQLException(
          "only parameter 1 (the return value) is an OUT parameter of {? = call ...}", "HY000");
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

  /** With a return value, parameter 1 is the function's result column. */
  @Override
  List<Column> parameterTypes(StatementDescription described) {
    if (!returnsValue || described.columns().isEmpty()) {
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
    boolean returnSlot = returnsValue && index == 1;
    return returnSlot || values[index - 1] == UNSET
        ? ParameterMetaData.parameterModeOut
        : ParameterMetaData.parameterModeInOut;
  }

  /** The values sent: without the return slot, with typed NULLs for OUT-only parameters. */
  @Override
  Object[] boundValues() throws SQLException {
    if (returnsValue && !outTypes.containsKey(1)) {
      throw new SQLException(
          "register parameter 1 (the return value) as an OUT parameter", "07002");
    }
    int first = returnsValue ? 1 : 0;
    Object[] sent = new Object[values.length - first];
    for (int i = first; i < values.length; i++) {
      Object value = values[i];
      if (value == UNSET) {
        Integer outType = outTypes.get(i + 1);
        if (outType == null) {
          throw new SQLException("no value was set for parameter " + (i + 1), "07002");
        }
        value = ParameterConversions.typedNull(outType);
      }
      sent[i - first] = value;
    }
    return sent;
  }

  @Override
  boolean run(String sql, Object[] params, GeneratedKeys keys) throws SQLException {
    outRow = null;
    boolean rows = super.run(sql, params, keys);
    ResultSet result = getResultSet();
    if (!outTypes.isEmpty() && result instanceof JdbcResultSet row && row.next()) {
      outRow = row;
    }
    return rows;
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
