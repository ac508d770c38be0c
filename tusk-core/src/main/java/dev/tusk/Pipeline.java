package dev.tusk;

import dev.tusk.sql.Composable;
import java.util.List;
import java.util.Map;

/**
 * Statements queued without waiting for their results, then sent together with one sync point: one
 * round trip for the batch. Results arrive on each statement's cursor once the batch has synced;
 * reading a cursor whose batch has not yet synced syncs it.
 *
 * <p>The statements between two sync points run as one unit, as PostgreSQL's pipeline mode defines:
 * outside a transaction block they share one implicit transaction, and when one fails the server
 * skips the rest of the batch. The failed statement's cursor raises its error; each skipped
 * statement's cursor raises {@link dev.tusk.errors.PipelineAborted}. Statements after the sync
 * point run normally, and the connection stays usable.
 *
 * <pre>{@code
 * try (Pipeline pipeline = conn.pipeline()) {
 *   for (Item item : items) {
 *     pipeline.execute("INSERT INTO item VALUES ($1, $2)", item.id(), item.name());
 *   }
 *   Cursor<Row> total = pipeline.execute("SELECT count(*) FROM item");
 *   pipeline.sync();
 *   long count = total.fetchOne().getLong(0);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread builds a pipeline. The batch is held in memory until its sync,
 * except inside a {@link Transaction} block that this thread owns: there no other thread's
 * statement can join the batch, so a large batch is sent in parts of 1,000 statements as it grows,
 * and the server runs them while the rest is queued. Results and errors are the same either way;
 * the statements of a part sent after a failed one raise {@link dev.tusk.errors.PipelineAborted}.
 */
public interface Pipeline extends AutoCloseable {

  /** Queues a statement with {@code $n} placeholders; its cursor has results after the sync. */
  Cursor<Row> execute(String sql, Object... params);

  /** Queues a statement with {@code :name} placeholders. */
  Cursor<Row> execute(String sql, Map<String, ?> params);

  /** Queues a statement with per-call options (prepare; its timeout bounds the whole batch). */
  Cursor<Row> execute(Query query, Object... params);

  /**
   * Queues a composed statement, rendered as {@link Cursor#execute(Composable, Object...)} says.
   */
  default Cursor<Row> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Queues a composed statement with {@code :name} parameters. */
  default Cursor<Row> execute(Composable sql, Map<String, ?> params) {
    return execute(PortableSql.render(sql), params);
  }

  /** A cursor whose executions join this pipeline, producing {@link Row}s. */
  Cursor<Row> cursor();

  /** A cursor whose executions join this pipeline, producing rows made by {@code rowFactory}. */
  <R> Cursor<R> cursor(RowFactory<R> rowFactory);

  /**
   * Sends the queued statements with a sync point and waits for all their results, which are then
   * on their cursors. Returns how each statement queued since the last sync ended (its command tag
   * and row count), in order, so a batch of thousands needs no cursor kept per statement. Throws
   * the error of the statement that failed, if one did (the skipped ones report {@link
   * dev.tusk.errors.PipelineAborted} on their cursors).
   */
  List<PipelineResult> sync();

  /**
   * Like {@link #sync()}, but throws no statement's error: each statement's {@link PipelineResult}
   * says whether it succeeded, failed or was skipped, so that one pass over the list finds every
   * failure of the batch.
   */
  List<PipelineResult> syncResults();

  /** Syncs what is still queued, as {@link #sync()} does, and ends the pipeline. */
  @Override
  void close();
}
