package dev.tusk.bench.driver;

import dev.tusk.bench.server.Endpoint;

/**
 * Every driver adapter against one endpoint.
 *
 * @param tusk Tusk
 * @param pgjdbc pgjdbc reading
 * @param pgjdbcLoaders pgjdbc writing
 * @param hikari HikariCP over pgjdbc
 * @param vertx vertx-pg-client, which owns a Vertx instance
 * @param tuskJdbc tusk-jdbc reading, through the same JDBC code as pgjdbc
 * @param tuskJdbcLoaders tusk-jdbc writing, through the same JDBC code as pgjdbc
 */
public record Drivers(
    TuskDriver tusk,
    PgjdbcDriver pgjdbc,
    PgjdbcLoaders pgjdbcLoaders,
    HikariDriver hikari,
    VertxDriver vertx,
    PgjdbcDriver tuskJdbc,
    PgjdbcLoaders tuskJdbcLoaders,
    HikariDriver hikariTuskJdbc)
    implements AutoCloseable {

  /** The adapters for {@code endpoint}. */
  public static Drivers open(Endpoint endpoint) {
    PgjdbcDriver pgjdbc = new PgjdbcDriver(endpoint);
    PgjdbcDriver tuskJdbc = PgjdbcDriver.tuskJdbc(endpoint);
    return new Drivers(
        new TuskDriver(endpoint),
        pgjdbc,
        new PgjdbcLoaders(pgjdbc),
        new HikariDriver(endpoint),
        new VertxDriver(endpoint),
        tuskJdbc,
        new PgjdbcLoaders(tuskJdbc),
        HikariDriver.overTuskJdbc(endpoint));
  }

  /** Stops vertx's event loops. */
  @Override
  public void close() {
    vertx.close();
  }
}
