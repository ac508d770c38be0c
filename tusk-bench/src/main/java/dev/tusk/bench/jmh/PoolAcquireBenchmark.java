package dev.tusk.bench.jmh;

import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.Connection;
import dev.tusk.bench.driver.HikariDriver;
import dev.tusk.bench.driver.TuskDriver;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import dev.tusk.pool.ConnectionPool;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Borrowing a connection from a pool and giving it back, with no query (workload g). The harness
 * sets the parameters to the running server; JMH forks a JVM per repetition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PoolAcquireBenchmark {

  /** The pool size, as in workload b. */
  public static final int POOL_SIZE = 8;

  /** The server's host. */
  @Param("")
  public String host;

  /** The server's port. */
  @Param("0")
  public int port;

  /** The database. */
  @Param("")
  public String database;

  /** The role to log in as. */
  @Param("")
  public String user;

  /** Its password, empty for none. */
  @Param("")
  public String password;

  private HikariDataSource hikari;
  private ConnectionPool tusk;

  /**
   * Opens the pool the benchmark method measures, filled before measuring; only that one, so the
   * other's background threads do not run beside it.
   */
  @Setup
  public void open(BenchmarkParams params) {
    Login login = new Login(user, password.isEmpty() ? null : password);
    Endpoint endpoint = new Endpoint(host, port, database, login, Map.of());
    if (params.getBenchmark().endsWith(".tuskAcquireRelease")) {
      tusk = new TuskDriver(endpoint).pool(POOL_SIZE);
    } else {
      hikari = new HikariDriver(endpoint).pool(POOL_SIZE);
    }
  }

  /** Closes the pool. */
  @TearDown
  public void close() {
    if (tusk != null) {
      tusk.close();
    }
    if (hikari != null) {
      hikari.close();
    }
  }

  /** HikariCP: getConnection() then close(), which returns it to the pool. */
  @Benchmark
  public java.sql.Connection hikariAcquireRelease() throws SQLException {
    try (java.sql.Connection connection = hikari.getConnection()) {
      return connection;
    }
  }

  /** Tusk: pool.connection() then close(), which returns it to the pool. */
  @Benchmark
  public Connection tuskAcquireRelease() {
    try (Connection connection = tusk.connection()) {
      return connection;
    }
  }
}
