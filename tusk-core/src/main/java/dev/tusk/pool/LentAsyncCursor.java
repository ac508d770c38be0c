package dev.tusk.pool;

import dev.tusk.AsyncCursor;
import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Query;
import dev.tusk.types.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An async cursor of a lent connection: like {@link LentCursor}, every use first checks that the
 * loan still lasts, and fails its future (or throws, for the plain getters) with {@link
 * dev.tusk.errors.InterfaceError} once the connection has gone back to the pool.
 */
final class LentAsyncCursor<R> implements AsyncCursor<R> {

  private final Loan loan;
  private final AsyncCursor<R> cursor;

  LentAsyncCursor(Loan loan, AsyncCursor<R> cursor) {
    this.loan = loan;
    this.cursor = cursor;
  }

  /**
   * The cursor behind a lent one, for a pool's one-shot {@code execute}: its result was read during
   * a loan that the pool itself ended, and is the caller's to read.
   */
  static <R> AsyncCursor<R> results(AsyncCursor<R> cursor) {
    return cursor instanceof LentAsyncCursor<R> lent ? lent.cursor : cursor;
  }

  private AsyncCursor<R> live() {
    loan.check("an async cursor");
    return cursor;
  }

  /** Runs {@code call} while the loan lasts; else a future failed with the loan's error. */
  private <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
    try {
      live();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call.get();
  }

  private CompletableFuture<AsyncCursor<R>> self(CompletableFuture<AsyncCursor<R>> ran) {
    return ran.thenApply(ignored -> this);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Object... params) {
    return checked(() -> self(cursor.execute(sql, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Map<String, ?> params) {
    return checked(() -> self(cursor.execute(sql, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Object... params) {
    return checked(() -> self(cursor.execute(query, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Map<String, ?> params) {
    return checked(() -> self(cursor.execute(query, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(String sql, List<?> paramSets) {
    return checked(() -> self(cursor.executeMany(sql, paramSets)));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(Query query, List<?> paramSets) {
    return checked(() -> self(cursor.executeMany(query, paramSets)));
  }

  @Override
  public CompletableFuture<R> fetchOne() {
    return checked(cursor::fetchOne);
  }

  @Override
  public CompletableFuture<List<R>> fetchMany(int size) {
    return checked(() -> cursor.fetchMany(size));
  }

  @Override
  public CompletableFuture<List<R>> fetchAll() {
    return checked(cursor::fetchAll);
  }

  @Override
  public long rowCount() {
    return live().rowCount();
  }

  @Override
  public String statusMessage() {
    return live().statusMessage();
  }

  @Override
  public List<Column> description() {
    return live().description();
  }

  @Override
  public boolean nextSet() {
    return live().nextSet();
  }

  @Override
  public TypeRegistry types() {
    return live().types();
  }

  @Override
  public CompletableFuture<Copy> copy(String sql) {
    return checked(() -> cursor.copy(sql));
  }

  @Override
  public void close() {
    cursor.close();
  }
}
