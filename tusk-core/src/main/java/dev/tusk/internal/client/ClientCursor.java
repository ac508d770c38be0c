package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.types.TypeRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A cursor that binds on the client ({@code connection.clientCursor()}): each execute renders its
 * values into the SQL ({@link ClientBinding}) and runs the text, without parameters, on an ordinary
 * cursor. Reading results is the ordinary cursor's.
 */
final class ClientCursor<R> implements Cursor<R> {

  private final Cursor<R> cursor;
  private final ClientBinding binding;

  ClientCursor(Cursor<R> cursor, ClientBinding binding) {
    this.cursor = cursor;
    this.binding = binding;
  }

  @Override
  public Cursor<R> execute(String sql, Object... params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public Cursor<R> execute(Query query, Object... params) {
    cursor.execute(binding.render(query, params));
    return this;
  }

  @Override
  public Cursor<R> execute(Query query, Map<String, ?> params) {
    cursor.execute(binding.render(query, params));
    return this;
  }

  @Override
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    return executeMany(Query.of(sql), paramSets);
  }

  /**
   * Renders each set and runs them all as one script: one round trip and one implicit transaction,
   * each set's result reached with {@link #nextSet()}. {@link #rowCount()} is the current set's.
   */
  @Override
  public Cursor<R> executeMany(Query query, List<?> paramSets) {
    if (paramSets.isEmpty()) {
      cursor.executeMany(query, paramSets); // sends nothing and clears the results, as usual
    } else {
      cursor.execute(binding.renderMany(query, paramSets));
    }
    return this;
  }

  @Override
  public R fetchOne() {
    return cursor.fetchOne();
  }

  @Override
  public List<R> fetchMany(int size) {
    return cursor.fetchMany(size);
  }

  @Override
  public List<R> fetchAll() {
    return cursor.fetchAll();
  }

  @Override
  public long rowCount() {
    return cursor.rowCount();
  }

  @Override
  public String statusMessage() {
    return cursor.statusMessage();
  }

  @Override
  public List<Column> description() {
    return cursor.description();
  }

  @Override
  public boolean nextSet() {
    return cursor.nextSet();
  }

  @Override
  public TypeRegistry types() {
    return cursor.types();
  }

  @Override
  public Iterator<R> iterator() {
    return cursor.iterator();
  }

  @Override
  public Cursor<R> fetchSize(int rows) {
    cursor.fetchSize(rows);
    return this;
  }

  @Override
  public Cursor<R> boundedStreaming(boolean bounded) {
    cursor.boundedStreaming(bounded);
    return this;
  }

  @Override
  public Stream<R> stream() {
    return cursor.stream();
  }

  /** COPY takes no parameters: it runs on the ordinary cursor as written. */
  @Override
  public Copy copy(String sql) {
    return cursor.copy(sql);
  }

  @Override
  public void close() {
    cursor.close();
  }
}
