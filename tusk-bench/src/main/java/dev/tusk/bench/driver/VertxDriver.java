package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.CompletionStage;

/**
 * vertx-pg-client at its best: point selects are asynchronous (each client issues its next query
 * from the previous one's completion, on the event loop), which measured faster here than virtual
 * threads blocking on {@code join()}; one-off work (a whole scan, a connection) is awaited with
 * {@code toCompletionStage().toCompletableFuture().join()}. Prepared statements are cached.
 */
public final class VertxDriver implements AutoCloseable {

  private final Endpoint endpoint;
  private final Vertx vertx = Vertx.vertx();

  /** vertx against {@code endpoint}; owns a Vertx instance until closed. */
  public VertxDriver(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Point selects on one connection, pipelined up to vertx's default limit of 256. */
  public AsyncPointQuery pointQuery() {
    PgConnection connection = await(PgConnection.connect(vertx, options(endpoint.owner(), 256)));
    return pointQuery(connection, () -> await(connection.close()));
  }

  /** Point selects on a pool of {@code size}, each connection pipelining up to {@code limit}. */
  public AsyncPointQuery pooledPointQuery(int size, int pipeliningLimit) {
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(size))
            .connectingTo(options(endpoint.owner(), pipeliningLimit))
            .using(vertx)
            .build();
    return pointQuery(pool, () -> await(pool.close()));
  }

  /** Reads the wide rows, which vertx buffers into one RowSet. */
  public RowScan rowScan() {
    PgConnection connection = await(PgConnection.connect(vertx, options(endpoint.owner(), 1)));
    PreparedQuery<RowSet<Row>> query = connection.preparedQuery(Tables.WIDE_SELECT);
    return new RowScan() {
      @Override
      public long scan(Sink sink) {
        long rows = 0;
        for (Row row : await(query.execute())) {
          sink.take(row.getLong(0));
          sink.take(row.getString(1));
          sink.take(row.getDouble(2));
          sink.take(row.getBigDecimal(3));
          sink.take(row.getOffsetDateTime(4));
          sink.take(row.getBoolean(5));
          sink.take(row.getUUID(6));
          rows++;
        }
        return rows;
      }

      @Override
      public void close() {
        await(connection.close());
      }
    };
  }

  /** Opens and closes a connection as {@code login}. */
  public ConnectionCycle connectionCycle(Login login) {
    PgConnectOptions options = options(login, 1);
    return () -> await(await(PgConnection.connect(vertx, options)).close());
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  private static AsyncPointQuery pointQuery(SqlClient client, Runnable closer) {
    PreparedQuery<RowSet<Row>> query = client.preparedQuery(Tables.POINT_SELECT);
    return new AsyncPointQuery() {
      @Override
      public CompletionStage<?> select(long id, Sink sink) {
        return query
            .execute(Tuple.of(id))
            .map(
                rows -> {
                  Row row = rows.iterator().next();
                  sink.take(row.getLong(0));
                  sink.take(row.getString(1));
                  sink.take(row.getString(2));
                  sink.take(row.getBigDecimal(3));
                  sink.take(row.getOffsetDateTime(4));
                  return rows;
                })
            .toCompletionStage();
      }

      @Override
      public void close() {
        closer.run();
      }
    };
  }

  private PgConnectOptions options(Login login, int pipeliningLimit) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(endpoint.host())
            .setPort(endpoint.port())
            .setDatabase(endpoint.database())
            .setUser(login.user())
            .setCachePreparedStatements(true)
            .setPipeliningLimit(pipeliningLimit);
    login.optionalPassword().ifPresent(options::setPassword);
    return options;
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
