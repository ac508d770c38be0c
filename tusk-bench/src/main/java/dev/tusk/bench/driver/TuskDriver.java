package dev.tusk.bench.driver;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRow;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Tusk, through its public API only. Capabilities Tusk has no API for yet (COPY) fail at open,
 * which the report shows as "not yet".
 */
public final class TuskDriver {

  private static final Duration POOL_READY = Duration.ofSeconds(30);

  /** How long a borrower may wait: long enough for 1,000 threads queueing on a small pool. */
  private static final Duration POOL_TIMEOUT = Duration.ofMinutes(2);

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
        selectAccount(connection.execute(Tables.POINT_SELECT, id), sink);
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /**
   * Point selects on one connection's async face, each a chain: {@code async().execute(...)}
   * composed with {@code fetchOne()}, the values read in the last stage.
   */
  public AsyncPointQuery asyncPointQuery() {
    Connection connection = connect();
    AsyncConnection async = connection.async();
    return new AsyncPointQuery() {
      @Override
      public CompletionStage<?> select(long id, Sink sink) {
        return async
            .execute(Tables.POINT_SELECT, id)
            .thenCompose(
                cursor ->
                    cursor
                        .fetchOne()
                        .thenApply(
                            row -> {
                              try (cursor) {
                                takeAccount(row, sink);
                              }
                              return row;
                            }));
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /**
   * Point selects through {@code pool.execute} on a pool of {@code size}: one-shot statements that
   * share the pool's connections, concurrent callers pipelined on each; safe for any number of
   * threads.
   */
  public PointQuery pooledPointQuery(int size) {
    ConnectionPool pool = pool(size);
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) {
        selectAccount(pool.execute(Tables.POINT_SELECT, id), sink);
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  /**
   * Point selects on a pool of {@code size}, each borrowing a connection for its exclusive use with
   * {@code pool.connection()} and giving it back, as HikariCP does; safe for any number of threads.
   */
  public PointQuery borrowingPointQuery(int size) {
    ConnectionPool pool = pool(size);
    return new PointQuery() {
      @Override
      public void select(long id, Sink sink) {
        try (Connection connection = pool.connection()) {
          selectAccount(connection.execute(Tables.POINT_SELECT, id), sink);
        }
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  /** A fixed pool of {@code size} connections, all open before the first call. */
  public ConnectionPool pool(int size) {
    ConnectionPool pool =
        new ConnectionPool(
            endpoint.conninfo(endpoint.owner()),
            PoolOptions.builder()
                .name("bench-tusk")
                .size(size, size)
                .timeout(POOL_TIMEOUT)
                .build());
    pool.waitReady(POOL_READY);
    return pool;
  }

  static void selectAccount(Cursor<Row> result, Sink sink) {
    try (Cursor<Row> cursor = result) {
      takeAccount(cursor.fetchOne(), sink);
    }
  }

  private static void takeAccount(Row row, Sink sink) {
    sink.take(row.getLong(0));
    sink.take(row.getString(1));
    sink.take(row.getString(2));
    sink.take(row.getBigDecimal(3));
    sink.take(row.getOffsetDateTime(4));
  }

  /** Reads the wide rows one at a time through the cursor's iterator. */
  public RowScan rowScan() {
    return rowScan(Tables.WIDE_SELECT, RowFactories.row(), TuskDriver::takeWide);
  }

  /**
   * Reads the wide rows into the application's own record: a row maker's getters make a {@link
   * WideRow} of each, as a Spring {@code RowMapper} would.
   */
  public RowScan madeRowScan() {
    return rowScan(Tables.WIDE_SELECT, columns -> WideRow::of, (made, sink) -> sink.take(made));
  }

  /** Reads {@code Tables.TYPED_SELECT} (workload c2): the wide row plus a jsonb and an int4[]. */
  public RowScan typedRowScan() {
    return rowScan(
        Tables.TYPED_SELECT,
        RowFactories.row(),
        (row, sink) -> {
          takeWide(row, sink);
          sink.take(row.getString(7));
          sink.take(row.get(8));
        });
  }

  /**
   * Reads the wide rows through {@code COPY (WIDE_SELECT) TO STDOUT (FORMAT binary)}, each row
   * decoded to its Java types by {@code readRow} (workload c3).
   */
  public RowScan copyOutScan() {
    Connection connection = connect();
    return new RowScan() {
      @Override
      public long scan(Sink sink) {
        long rows = 0;
        try (Copy copy =
            connection
                .cursor()
                .copy("COPY (" + Tables.WIDE_SELECT + ") TO STDOUT (FORMAT binary)")) {
          copy.setTypes("int8", "text", "float8", "numeric", "timestamptz", "bool", "uuid");
          for (Object[] row; (row = copy.readRow()) != null; ) {
            for (Object value : row) {
              sink.take(value);
            }
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

  private static void takeWide(Row row, Sink sink) {
    sink.take(row.getLong(0));
    sink.take(row.getString(1));
    sink.take(row.getDouble(2));
    sink.take(row.getBigDecimal(3));
    sink.take(row.getOffsetDateTime(4));
    sink.take(row.getBoolean(5));
    sink.take(row.getUuid(6));
  }

  /** Reads {@code sql}'s rows as {@code factory} makes them, each handed to {@code reader}. */
  private <R> RowScan rowScan(
      String sql, RowFactory<R> factory, java.util.function.BiConsumer<R, Sink> reader) {
    Connection connection = connect();
    return new RowScan() {
      @Override
      public long scan(Sink sink) {
        long rows = 0;
        try (Cursor<R> cursor = connection.cursor(factory).execute(sql)) {
          for (R row : cursor) {
            reader.accept(row, sink);
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
   * Reads the wide rows through a server-side cursor declared in a transaction, {@code itersize}
   * rows per FETCH, as pgjdbc reads with autocommit off and a fetch size.
   */
  public RowScan serverCursorScan(int itersize) {
    Connection connection = connect();
    return new RowScan() {
      @Override
      public long scan(Sink sink) {
        long rows = 0;
        try (Transaction transaction = connection.transaction();
            ServerCursor<Row> cursor = connection.cursor("bench_scan").itersize(itersize)) {
          cursor.execute(Tables.WIDE_SELECT);
          for (Row row : cursor) {
            takeWide(row, sink);
            rows++;
          }
          // The commit ends the cursor; closing it afterwards sends nothing.
          transaction.commit();
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
    return executeMany(connect());
  }

  /**
   * {@link #executeMany()} on a connection with {@code rewrite_batched_inserts=on}: each call runs
   * as a few {@code INSERT ... SELECT unnest(...)} statements of column arrays.
   */
  public RowLoader rewrittenExecuteMany() {
    return executeMany(
        Tusk.connect(endpoint.conninfo(endpoint.owner()) + " rewrite_batched_inserts=on"));
  }

  private static RowLoader executeMany(Connection connection) {
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

  /**
   * {@code COPY ... FROM STDIN (FORMAT binary)} with {@code writeRow}: each row encoded by the
   * codecs into the COPY's 64 KiB messages as it is written, in one transaction.
   */
  public RowLoader copy() {
    Connection connection = connect();
    return new RowLoader() {
      @Override
      public void load(String table, WideRows rows) {
        try (Transaction transaction = connection.transaction();
            Copy copy = connection.cursor().copy(Tables.copyInto(table, "binary"))) {
          copy.setTypes("int8", "text", "float8", "numeric", "timestamptz", "bool", "uuid");
          for (Object[] row : rows.parameterSets()) {
            copy.writeRow(row);
          }
          copy.finish();
          transaction.commit();
        }
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /**
   * Single-row INSERTs queued in one explicit pipeline inside a transaction, sent with one sync at
   * the end, then committed. One sync for all 10,000 measured as fast as a sync every 1,000, 2,000
   * or 5,000 (59–61k ops/s each, 30 alternating runs, within noise), and is the plainer use.
   */
  public RowLoader pipeline() {
    Connection connection = connect();
    return new RowLoader() {
      @Override
      public void load(String table, WideRows rows) {
        String insert = Tables.insertInto(table);
        try (Transaction transaction = connection.transaction()) {
          try (Pipeline pipeline = connection.pipeline()) {
            for (Object[] parameters : rows.parameterSets()) {
              pipeline.execute(insert, parameters);
            }
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

  /** Opens and closes a connection as {@code login}. */
  public ConnectionCycle connectionCycle(Login login) {
    String conninfo = endpoint.conninfo(login);
    return () -> Tusk.connect(conninfo).close();
  }

  private Connection connect() {
    return Tusk.connect(endpoint.conninfo(endpoint.owner()));
  }
}
