package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRow;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * pgjdbc with its default settings, except where a cell says otherwise; or, through {@link
 * #tuskJdbc}, tusk-jdbc running the very same JDBC calls.
 */
public final class PgjdbcDriver {

  private final Endpoint endpoint;
  private final java.sql.Driver driver;
  private final String url;

  /** pgjdbc against {@code endpoint}. */
  public PgjdbcDriver(Endpoint endpoint) {
    this(endpoint, new org.postgresql.Driver(), endpoint.jdbcUrl());
  }

  private PgjdbcDriver(Endpoint endpoint, java.sql.Driver driver, String url) {
    this.endpoint = endpoint;
    this.driver = driver;
    this.url = url;
  }

  /** tusk-jdbc against {@code endpoint}: the same URL under its own {@code jdbc:tusk:} prefix. */
  public static PgjdbcDriver tuskJdbc(Endpoint endpoint) {
    return new PgjdbcDriver(endpoint, new dev.tusk.jdbc.TuskDriver(), tuskJdbcUrl(endpoint));
  }

  /** The tusk-jdbc URL of {@code endpoint}: pgjdbc's with tusk-jdbc's prefix. */
  static String tuskJdbcUrl(Endpoint endpoint) {
    return "jdbc:tusk:" + endpoint.jdbcUrl().substring("jdbc:".length());
  }

  /** Point selects on one connection through one prepared statement; one thread only. */
  public PointQuery pointQuery() throws SQLException {
    Connection connection = connect(new Properties());
    PreparedStatement statement = connection.prepareStatement(Tables.jdbc(Tables.POINT_SELECT));
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) throws SQLException {
        PgjdbcValues.selectAccount(statement, id, sink);
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  /**
   * Point selects on one connection shared by any number of threads, each call preparing its own
   * statement (pgjdbc's statement cache keeps the server-side one); pgjdbc serialises them.
   */
  public PointQuery sharedPointQuery() throws SQLException {
    Connection connection = connect(new Properties());
    String sql = Tables.jdbc(Tables.POINT_SELECT);
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          PgjdbcValues.selectAccount(statement, id, sink);
        }
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  /**
   * Reads the wide rows. Without a fetch size pgjdbc reads the whole result into memory first; with
   * one it turns autocommit off and reads {@code fetchSize} rows per round trip.
   */
  public RowScan rowScan(OptionalInt fetchSize) throws SQLException {
    return rowScan(fetchSize, Tables.WIDE_SELECT, PgjdbcValues::takeWide);
  }

  /** Reads the wide rows as {@link #rowScan}, each made into a {@link WideRow} by its getters. */
  public RowScan madeRowScan(OptionalInt fetchSize) throws SQLException {
    return rowScan(
        fetchSize, Tables.WIDE_SELECT, (result, sink) -> sink.take(PgjdbcValues.wideRow(result)));
  }

  /** Reads {@code Tables.TYPED_SELECT} (workload c2), reading everything first. */
  public RowScan typedRowScan() throws SQLException {
    return rowScan(OptionalInt.empty(), Tables.TYPED_SELECT, PgjdbcValues::takeTyped);
  }

  /** How one row is read. */
  private interface RowReader {
    void take(ResultSet result, Sink sink) throws SQLException;
  }

  private RowScan rowScan(OptionalInt fetchSize, String sql, RowReader reader) throws SQLException {
    Connection connection = connect(new Properties());
    connection.setAutoCommit(fetchSize.isEmpty());
    PreparedStatement statement = connection.prepareStatement(sql);
    if (fetchSize.isPresent()) {
      statement.setFetchSize(fetchSize.getAsInt());
    }
    return new RowScan() {
      @Override
      public long scan(Sink sink) throws SQLException {
        long rows = 0;
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            reader.take(result, sink);
            rows++;
          }
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        return rows;
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  /** Opens and closes a connection as {@code login}. */
  public ConnectionCycle connectionCycle(Login login) {
    Properties properties = endpoint.jdbcProperties(login);
    return () -> driver.connect(url, properties).close();
  }

  /** A connection as the owner, with {@code extra} properties added. */
  Connection connect(Properties extra) throws SQLException {
    Properties properties = endpoint.jdbcProperties(endpoint.owner());
    properties.putAll(extra);
    return driver.connect(url, properties);
  }
}
