package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRow;
import dev.tusk.bench.data.WideRows;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** pgjdbc writing rows: batches, one INSERT at a time, or COPY through its CopyManager. */
public final class PgjdbcLoaders {

  private static final int COPY_BUFFER = 1 << 16;

  private final PgjdbcDriver driver;

  /** Loaders on {@code driver}'s connections. */
  public PgjdbcLoaders(PgjdbcDriver driver) {
    this.driver = driver;
  }

  /**
   * {@code addBatch} per row, {@code executeBatch} per {@link RowLoader#CHUNK} rows, one commit;
   * with {@code reWriteBatchedInserts} pgjdbc folds the batch into multi-row INSERTs.
   */
  public RowLoader batch(boolean reWriteBatchedInserts) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("reWriteBatchedInserts", Boolean.toString(reWriteBatchedInserts));
    return inTransaction(
        properties,
        (connection, table, rows) -> {
          try (PreparedStatement insert =
              connection.prepareStatement(Tables.jdbc(Tables.insertInto(table)))) {
            for (int i = 0; i < rows.size(); i++) {
              bind(insert, rows.rows().get(i));
              insert.addBatch();
              if ((i + 1) % RowLoader.CHUNK == 0 || i + 1 == rows.size()) {
                insert.executeBatch();
              }
            }
          }
        });
  }

  /** {@code executeUpdate} per row, one commit at the end. */
  public RowLoader oneByOne() throws SQLException {
    return inTransaction(
        new Properties(),
        (connection, table, rows) -> {
          try (PreparedStatement insert =
              connection.prepareStatement(Tables.jdbc(Tables.insertInto(table)))) {
            for (WideRow row : rows.rows()) {
              bind(insert, row);
              insert.executeUpdate();
            }
          }
        });
  }

  /** {@code COPY ... FROM STDIN} in {@code format}, rows encoded on the fly, one commit. */
  public RowLoader copy(CopyFormat format) throws SQLException {
    return inTransaction(
        new Properties(),
        (connection, table, rows) -> {
          var copyIn =
              connection
                  .unwrap(PGConnection.class)
                  .getCopyAPI()
                  .copyIn(Tables.copyInto(table, format.sqlName()));
          try (OutputStream out = new PGCopyOutputStream(copyIn, COPY_BUFFER)) {
            format.write(rows.rows(), out);
          }
        });
  }

  private static void bind(PreparedStatement insert, WideRow row) throws SQLException {
    insert.setLong(1, row.id());
    insert.setString(2, row.label());
    insert.setDouble(3, row.score());
    insert.setBigDecimal(4, row.amount());
    insert.setObject(5, row.at());
    insert.setBoolean(6, row.flag());
    insert.setObject(7, row.uid());
  }

  /** What a loader does between opening its transaction and committing it. */
  @FunctionalInterface
  private interface Work {
    void write(Connection connection, String table, WideRows rows) throws Exception;
  }

  private RowLoader inTransaction(Properties properties, Work work) throws SQLException {
    Connection connection = driver.connect(properties);
    connection.setAutoCommit(false);
    return new RowLoader() {
      @Override
      public void load(String table, WideRows rows) throws Exception {
        work.write(connection, table, rows);
        connection.commit();
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }
}
