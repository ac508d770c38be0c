package dev.tusk.bench.driver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * HikariCP pooling JDBC connections (pgjdbc's, or tusk-jdbc's for the JDBC face); every call
 * borrows a connection and returns it.
 */
public final class HikariDriver {

  private final Endpoint endpoint;
  private final String jdbcUrl;

  /** HikariCP over pgjdbc against {@code endpoint}. */
  public HikariDriver(Endpoint endpoint) {
    this(endpoint, endpoint.jdbcUrl());
  }

  private HikariDriver(Endpoint endpoint, String jdbcUrl) {
    this.endpoint = endpoint;
    this.jdbcUrl = jdbcUrl;
  }

  /** HikariCP over tusk-jdbc against {@code endpoint}: the same pool, another driver. */
  public static HikariDriver overTuskJdbc(Endpoint endpoint) {
    return new HikariDriver(endpoint, PgjdbcDriver.tuskJdbcUrl(endpoint));
  }

  /** How long a borrower may wait: long enough for 1,000 threads queueing on a small pool. */
  private static final long CONNECTION_TIMEOUT_MILLIS = 120_000;

  /** A fixed pool of {@code size} connections, ready before the first call. */
  public HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setDataSourceProperties(endpoint.jdbcProperties(endpoint.owner()));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setPoolName("bench-hikari");
    return new HikariDataSource(config);
  }

  /** Point selects, each borrowing a pooled connection; safe for any number of threads. */
  public PointQuery pooledPointQuery(int size) {
    HikariDataSource pool = pool(size);
    String sql = Tables.jdbc(Tables.POINT_SELECT);
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) throws Exception {
        try (Connection connection = pool.getConnection();
            PreparedStatement statement = connection.prepareStatement(sql)) {
          PgjdbcValues.selectAccount(statement, id, sink);
        }
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  /**
   * Point selects, each borrowing a pooled connection and running the query through the Tusk
   * connection it unwraps to: the same pool and engine as {@link #pooledPointQuery} over tusk-jdbc,
   * without the JDBC face.
   */
  public PointQuery pooledUnwrappedPointQuery(int size) {
    HikariDataSource pool = pool(size);
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) throws Exception {
        try (Connection connection = pool.getConnection()) {
          dev.tusk.Connection tusk = connection.unwrap(dev.tusk.Connection.class);
          TuskDriver.selectAccount(tusk.execute(Tables.POINT_SELECT, id), sink);
        }
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }
}
