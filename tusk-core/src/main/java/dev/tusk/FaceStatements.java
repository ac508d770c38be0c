package dev.tusk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The statements large objects run, on either face, as futures: {@link LargeObjectStore} and {@link
 * LargeObjectDescriptor} are written once over this, and the sync and async classes are their
 * faces. The sync face's futures are complete when returned ({@link FaceConnection#of(
 * Connection)}); the async face's complete when the server answers.
 */
interface FaceStatements {

  /** A statement's rows (all of them; none if it returns none) and its command tag. */
  record Ran(List<Row> rows, String status) {

    /** The first row; the statements run here are {@code SELECT}s of one function call. */
    Row first() {
      return rows.get(0);
    }
  }

  /** Runs a statement with {@code $n} parameters, bound. */
  CompletableFuture<Ran> run(String sql, Object... params);

  /**
   * Whether the statements run here are inside a transaction that is still open (the server closes
   * large objects at the end of theirs).
   */
  boolean inTransaction();

  /**
   * Runs blocking work on the user's streams: on the calling thread for the sync face, on a virtual
   * thread of its own for the async face, so that it never holds up the connection's I/O thread or
   * the caller.
   */
  <T> CompletableFuture<T> blocking(Supplier<T> io);

  /** The statements of an async transaction block, which run inside it. */
  static FaceStatements inBlock(AsyncTransaction block) {
    return new FaceStatements() {
      @Override
      public CompletableFuture<Ran> run(String sql, Object... params) {
        return collected(block.execute(sql, params));
      }

      @Override
      public boolean inTransaction() {
        return true; // until the block ends, when its execute fails instead
      }

      @Override
      public <T> CompletableFuture<T> blocking(Supplier<T> io) {
        return offloaded(io);
      }
    };
  }

  /** The rows and tag of an async statement. */
  static CompletableFuture<Ran> collected(CompletableFuture<AsyncCursor<Row>> ran) {
    return ran.thenCompose(
        cursor ->
            cursor.description().isEmpty()
                ? CompletableFuture.completedFuture(new Ran(List.of(), cursor.statusMessage()))
                : cursor.fetchAll().thenApply(rows -> new Ran(rows, cursor.statusMessage())));
  }

  /** Where the async face runs blocking work on the user's streams: a virtual thread each. */
  Executor VIRTUAL_THREADS = work -> Thread.ofVirtual().name("tusk-stream-io").start(work);

  /** {@code io} on a virtual thread of its own. */
  static <T> CompletableFuture<T> offloaded(Supplier<T> io) {
    return CompletableFuture.supplyAsync(io, VIRTUAL_THREADS);
  }
}
