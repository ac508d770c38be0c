package dev.tusk.bench.jmh;

import com.zaxxer.hikari.HikariDataSource;
import dev.tusk.bench.driver.HikariDriver;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import java.sql.Connection;
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

  private HikariDataSource pool;

  /** Opens the HikariCP pool, filled before measuring. */
  @Setup
  public void open() {
    Login login = new Login(user, password.isEmpty() ? null : password);
    pool = new HikariDriver(new Endpoint(host, port, database, login, Map.of())).pool(POOL_SIZE);
  }

  /** Closes the pool. */
  @TearDown
  public void close() {
    pool.close();
  }

  /** HikariCP: getConnection() then close(), which returns it to the pool. */
  @Benchmark
  public Connection hikariAcquireRelease() throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return connection;
    }
  }
}
