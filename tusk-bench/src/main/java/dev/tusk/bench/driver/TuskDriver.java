package dev.tusk.bench.driver;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;

/**
 * Tusk, through its public API only. Capabilities Tusk has no API for yet (pool, COPY, pipeline)
 * fail at open, which the report shows as "not yet".
 */
public final class TuskDriver {

  /** Why every pooled Tusk cell reads "not yet". */
  public static final String NO_POOL = "Tusk has no connection pool yet";

  private final Endpoint endpoint;

  /** Tusk against {@code endpoint}. */
  public TuskDriver(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Point selects over one connection. Tusk connections are thread-safe: any number of threads may
   * share this query, and their requests are pipelined.
   */
  public PointQuery pointQuery() {
    Connection connection = connect();
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) {
        try (Cursor<Row> cursor = connection.execute(Tables.POINT_SELECT, id)) {
          Row row = cursor.fetchOne();
          sink.take(row.getLong(0));
          sink.take(row.getString(1));
          sink.take(row.getString(2));
          sink.take(row.getBigDecimal(3));
          sink.take(row.getOffsetDateTime(4));
        }
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /** A pool of {@code size} connections: Tusk has none yet. */
  public PointQuery pooledPointQuery(int size) {
    throw new UnsupportedOperationException(NO_POOL);
  }

  /** Reads the wide rows one at a time through the cursor's iterator. */
  public RowScan rowScan() {
    Connection connection = connect();
    return new RowScan() {
      @Override
      public long scan(Sink sink) {
        long rows = 0;
        try (Cursor<Row> cursor = connection.execute(Tables.WIDE_SELECT)) {
          for (Row row : cursor) {
            sink.take(row.getLong(0));
            sink.take(row.getString(1));
            sink.take(row.getDouble(2));
            sink.take(row.getBigDecimal(3));
            sink.take(row.getOffsetDateTime(4));
            sink.take(row.getBoolean(5));
            sink.take(row.getUuid(6));
            rows++;
          }
        }
        return rows;
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /**
   * {@code executeMany} of {@link RowLoader#CHUNK} parameter sets at a time, in one transaction.
   */
  public RowLoader executeMany() {
    Connection connection = connect();
    return new RowLoader() {
      @Override
      public void load(String table, WideRows rows) {
        String insert = Tables.insertInto(table);
        try (Transaction transaction = connection.transaction();
            Cursor<Row> cursor = connection.cursor()) {
          for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, rows.size());
            cursor.executeMany(insert, rows.parameterSets().subList(from, to));
          }
          transaction.commit();
        }
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /** COPY FROM STDIN: Tusk has no COPY API yet. */
  public RowLoader copy() {
    throw new UnsupportedOperationException("Tusk has no COPY API yet");
  }

  /** Single INSERTs sent through an explicit pipeline: Tusk has no pipeline API yet. */
  public RowLoader pipeline() {
    throw new UnsupportedOperationException("Tusk has no pipeline API yet");
  }

  /** Opens and closes a connection as {@code login}. */
  public ConnectionCycle connectionCycle(Login login) {
    String conninfo = endpoint.conninfo(login);
    return () -> Tusk.connect(conninfo).close();
  }

  private Connection connect() {
    return Tusk.connect(endpoint.conninfo(endpoint.owner()));
  }
}
