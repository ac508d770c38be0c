package dev.tusk;

import dev.tusk.sql.Composable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of a {@link Pipeline}: statements queued without waiting, then sent together with
 * one sync point, one round trip for the batch, with the same unit semantics (a failed statement
 * skips the rest of its batch, whose futures fail with {@link dev.tusk.errors.PipelineAborted}).
 * Nothing here blocks the calling thread.
 *
 * <p>Each {@code execute} returns a future of the statement's cursor that completes once its batch
 * has run, so it completes only after a {@link #sync()} (or {@link #close()}) has sent the batch:
 * wait for a statement's future after the sync, never before.
 *
 * <pre>{@code
 * AsyncPipeline pipeline = conn.pipeline();
 * for (Item item : items) {
 *   pipeline.execute("INSERT INTO item VALUES ($1, $2)", item.id(), item.name());
 * }
 * CompletableFuture<AsyncCursor<Row>> total = pipeline.execute("SELECT count(*) FROM item");
 * pipeline.close()
 *     .thenCompose(synced -> total)
 *     .thenCompose(AsyncCursor::fetchOne)
 *     .thenAccept(row -> System.out.println(row.getLong(0)));
 * }</pre>
 *
 * <p>Not thread-safe: one thread builds a pipeline. The batch is held in memory until its sync.
 */
public interface AsyncPipeline {

  /** Queues a statement with {@code $n} placeholders; its cursor completes after the sync. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params);

  /** Queues a statement with {@code :name} placeholders. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params);

  /** Queues a statement with per-call options (prepare, timeout). */
  CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params);

  /** Queues a statement whose rows {@code rowFactory} makes. */
  <R> CompletableFuture<AsyncCursor<R>> execute(
      RowFactory<R> rowFactory, Query query, Object... params);

  /** Queues a composed statement, rendered with the global codecs as {@link Pipeline} does. */
  default CompletableFuture<AsyncCursor<Row>> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Queues one statement per parameter set; see {@link Cursor#executeMany}. */
  CompletableFuture<AsyncCursor<Row>> executeMany(String sql, List<?> paramSets);

  /**
   * Sends what was queued since the last sync as one request. Completes with each statement's
   * outcome once the batch has run, or fails with the first failed statement's error, as {@link
   * Pipeline#sync()} throws it; each statement's own future gets its own outcome either way.
   */
  CompletableFuture<List<PipelineResult>> sync();

  /**
   * Like {@link #sync()}, but completes with every statement's outcome, errors included, instead of
   * failing; see {@link Pipeline#syncResults()}.
   */
  CompletableFuture<List<PipelineResult>> syncResults();

  /** Syncs what is still queued; the pipeline then takes no more statements. */
  CompletableFuture<Void> close();
}
