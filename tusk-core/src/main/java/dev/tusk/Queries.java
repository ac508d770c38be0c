package dev.tusk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connection with a default row factory: everything run through it makes rows with that factory,
 * as psycopg's {@code connect(row_factory=...)} does, and the row type is in the static type. Get
 * one from {@link Connection#withRowFactory(RowFactory)} and keep it as long as the connection:
 *
 * <pre>{@code
 * Queries<Pet> pets = conn.withRowFactory(RowFactories.record(Pet.class));
 * Pet tusk = pets.execute("SELECT * FROM pets WHERE id = $1", 1).fetchOne();
 * List<Pet> young = pets.execute("SELECT * FROM pets WHERE born > $1", cutoff).fetchAll();
 * }</pre>
 *
 * <p>It holds nothing but the connection and the factory, so it is as thread-safe as the
 * connection, and closing the connection ends it.
 *
 * @param <R> the type of the rows
 */
public final class Queries<R> {

  private final Connection connection;
  private final RowFactory<R> rowFactory;

  Queries(Connection connection, RowFactory<R> rowFactory) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.rowFactory = Objects.requireNonNull(rowFactory, "rowFactory");
  }

  /** The connection the statements run on. */
  public Connection connection() {
    return connection;
  }

  /** The row factory every cursor of this view uses. */
  public RowFactory<R> rowFactory() {
    return rowFactory;
  }

  /** A new cursor producing rows made by the default row factory. */
  public Cursor<R> cursor() {
    return connection.cursor(rowFactory);
  }

  /** Runs a statement with {@code $n} placeholders; see {@link Connection#execute}. */
  public Cursor<R> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  /** Runs a statement with {@code :name} placeholders bound from {@code params}. */
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  /** Like {@link #execute(String, Object...)}, with per-call options. */
  public Cursor<R> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  /** Like {@link #execute(String, Map)}, with per-call options. */
  public Cursor<R> execute(Query query, Map<String, ?> params) {
    return cursor().execute(query, params);
  }

  /** Runs a statement once per parameter set; see {@link Cursor#executeMany}. */
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    return cursor().executeMany(sql, paramSets);
  }
}
