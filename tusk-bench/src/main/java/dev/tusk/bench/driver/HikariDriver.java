package dev.tusk.bench.driver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** HikariCP pooling pgjdbc connections; every call borrows a connection and returns it. */
public final class HikariDriver {

  private final Endpoint endpoint;

  /** HikariCP against {@code endpoint}. */
  public HikariDriver(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** A fixed pool of {@code size} connections, ready before the first call. */
  public HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(endpoint.jdbcUrl());
    config.setDataSourceProperties(endpoint.jdbcProperties(endpoint.owner()));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
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
}
