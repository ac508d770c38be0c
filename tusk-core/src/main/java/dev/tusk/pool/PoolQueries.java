package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Queries;
import dev.tusk.RowFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A pool with a default row factory for every loan and one-shot statement, as psycopg_pool's {@code
 * ConnectionPool(kwargs={"row_factory": ...})}, with the row type in the static type. Get one from
 * {@link Pool#withRowFactory(RowFactory)} and keep it as long as the pool:
 *
 * <pre>{@code
 * PoolQueries<Pet> pets = pool.withRowFactory(RowFactories.record(Pet.class));
 * Pet tusk = pets.execute("SELECT * FROM pets WHERE id = $1", 1).fetchOne();   // one-shot
 * List<Pet> moved = pets.inTransaction(tx -> tx.execute("UPDATE pets SET ... RETURNING *").fetchAll());
 * }</pre>
 *
 * <p>The pool's own methods keep making {@link dev.tusk.Row}s. The view holds nothing but the pool
 * and the factory, so it is as thread-safe as the pool, and closing the pool ends it.
 *
 * @param <R> the type of the rows
 */
public final class PoolQueries<R> {

  private final Pool pool;
  private final RowFactory<R> rowFactory;
  private final Function<Function<Connection, Cursor<R>>, Cursor<R>> oneShot;

  /** {@code oneShot} runs a statement the way the pool runs its own one-shot statements. */
  PoolQueries(
      Pool pool,
      RowFactory<R> rowFactory,
      Function<Function<Connection, Cursor<R>>, Cursor<R>> oneShot) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.rowFactory = Objects.requireNonNull(rowFactory, "rowFactory");
    this.oneShot = oneShot;
  }

  /** The pool the statements run on. */
  public Pool pool() {
    return pool;
  }

  /** The row factory every statement of this view uses. */
  public RowFactory<R> rowFactory() {
    return rowFactory;
  }

  /**
   * Runs {@code work} with a connection of its own, seen through the default row factory, and gives
   * the connection back after; see {@link Pool#withConnection}.
   */
  public <T> T withConnection(Function<Queries<R>, T> work) {
    return pool.withConnection(connection -> work.apply(connection.withRowFactory(rowFactory)));
  }

  /**
   * Runs {@code work} in a transaction on a connection of its own, seen through the default row
   * factory: commits when it returns, rolls back and rethrows when it throws.
   */
  public <T> T inTransaction(Function<Queries<R>, T> work) {
    return pool.inTransaction(connection -> work.apply(connection.withRowFactory(rowFactory)));
  }

  /**
   * Runs one statement in autocommit mode, as {@link Pool#execute(String, Object...)} does, and
   * returns its rows, fully read and made by the default row factory.
   */
  public Cursor<R> execute(String sql, Object... params) {
    return oneShot.apply(
        connection -> connection.cursor(rowFactory).fetchSize(0).execute(sql, params));
  }

  /** Like {@link #execute(String, Object...)} with {@code :name} placeholders. */
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    return oneShot.apply(
        connection -> connection.cursor(rowFactory).fetchSize(0).execute(sql, params));
  }
}
