package dev.tusk.pool;

import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.types.TypeRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A cursor of a lent connection: every use first checks that the loan it came from still lasts, so
 * a cursor (or its iterator, or its stream) kept after the connection went back to the pool raises
 * {@link dev.tusk.errors.InterfaceError} and never runs on the next borrower's connection. Closing
 * is always allowed.
 */
final class LentCursor<R> implements Cursor<R> {

  private final Loan loan;
  private final Cursor<R> cursor;

  LentCursor(Loan loan, Cursor<R> cursor) {
    this.loan = loan;
    this.cursor = cursor;
  }

  /**
   * The cursor behind a lent one, for a pool's one-shot {@code execute}: its result was read during
   * a loan that the pool itself ended, and is the caller's to read.
   */
  static <R> Cursor<R> results(Cursor<R> cursor) {
    return cursor instanceof LentCursor<R> lent ? lent.cursor : cursor;
  }

  private Cursor<R> live() {
    loan.check("a cursor");
    return cursor;
  }

  @Override
  public Cursor<R> execute(String sql, Object... params) {
    live().execute(sql, params);
    return this;
  }

  @Override
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    live().execute(sql, params);
    return this;
  }

  @Override
  public Cursor<R> execute(Query query, Object... params) {
    live().execute(query, params);
    return this;
  }

  @Override
  public Cursor<R> execute(Query query, Map<String, ?> params) {
    live().execute(query, params);
    return this;
  }

  @Override
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    live().executeMany(sql, paramSets);
    return this;
  }

  @Override
  public Cursor<R> executeMany(Query query, List<?> paramSets) {
    live().executeMany(query, paramSets);
    return this;
  }

  @Override
  public R fetchOne() {
    return live().fetchOne();
  }

  @Override
  public List<R> fetchMany(int size) {
    return live().fetchMany(size);
  }

  @Override
  public List<R> fetchAll() {
    return live().fetchAll();
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
  public Cursor<R> fetchSize(int rows) {
    live().fetchSize(rows);
    return this;
  }

  @Override
  public Cursor<R> boundedStreaming(boolean bounded) {
    live().boundedStreaming(bounded);
    return this;
  }

  /** The rows, each taken only while the loan lasts. */
  @Override
  public Stream<R> stream() {
    Stream<R> rows = live().stream();
    return StreamSupport.stream(new Checked(rows.spliterator()), false).onClose(rows::close);
  }

  /** The rows, each taken only while the loan lasts. */
  @Override
  public Iterator<R> iterator() {
    Iterator<R> rows = live().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        loan.check("a cursor's iterator");
        return rows.hasNext();
      }

      @Override
      public R next() {
        loan.check("a cursor's iterator");
        return rows.next();
      }
    };
  }

  @Override
  public TypeRegistry types() {
    return live().types();
  }

  @Override
  public Copy copy(String sql) {
    return live().copy(sql);
  }

  @Override
  public void close() {
    cursor.close();
  }

  /** A spliterator that checks the loan before each row. */
  private final class Checked implements Spliterator<R> {
    private final Spliterator<R> rows;

    Checked(Spliterator<R> rows) {
      this.rows = rows;
    }

    @Override
    public boolean tryAdvance(Consumer<? super R> action) {
      loan.check("a cursor's stream");
      return rows.tryAdvance(action);
    }

    @Override
    public Spliterator<R> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return rows.estimateSize();
    }

    @Override
    public int characteristics() {
      return rows.characteristics() & ~(SIZED | SUBSIZED);
    }
  }
}
