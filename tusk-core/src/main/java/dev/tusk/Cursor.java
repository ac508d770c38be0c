package dev.tusk;

import dev.tusk.sql.Composable;
import dev.tusk.sql.Identifier;
import dev.tusk.types.TypeRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs statements and reads their results, row by row or all at once, like a DB-API cursor. Not
 * thread-safe: use one cursor per thread (the connection itself may be shared).
 *
 * <p><b>Which calls stream.</b> A result of up to 1,000 rows is received whole before {@code
 * execute} returns, so its errors are raised there and {@link #rowCount()} is known. A larger
 * result of a single statement streams ({@link #fetchSize(int)} sets the size): {@code execute}
 * returns once the first 1,000 rows have arrived, and iterating, {@link #fetchOne()}, {@link
 * #fetchMany(int)} and {@link #stream()} read the rest from the server as they go, with flat
 * memory; an error the server raises part way through is thrown by the fetch that reaches it, and
 * {@link #rowCount()} is -1 until the last row has been read. {@link #fetchAll()} collects what is
 * left. {@link #executeMany}, scripts of several statements and pipelines always collect. While a
 * result streams, other requests on the connection wait behind it (unless {@link
 * #boundedStreaming(boolean) boundedStreaming(false)} has its rest read into memory for them); the
 * thread that owns the stream may still run statements, and the stream's remaining rows are then
 * collected for it. Closing the cursor (or the stream, or running another statement on the same
 * cursor) drops the rows not read.
 *
 * @param <R> the type of the rows, chosen by the cursor's {@link RowFactory}
 */
public interface Cursor<R> extends AutoCloseable, Iterable<R> {

  /**
   * Runs a statement with {@code $n} placeholders; returns this cursor, positioned before row 1.
   */
  Cursor<R> execute(String sql, Object... params);

  /** Runs a statement with {@code :name} placeholders. */
  Cursor<R> execute(String sql, Map<String, ?> params);

  /** Like {@link #execute(String, Object...)}, with per-call options (prepare, timeout). */
  Cursor<R> execute(Query query, Object... params);

  /** Like {@link #execute(String, Map)}, with per-call options (prepare, timeout). */
  Cursor<R> execute(Query query, Map<String, ?> params);

  /**
   * Runs a composed statement. A cursor does not know its connection, so {@link
   * dev.tusk.sql.Literal}s are rendered with the global codecs ({@link Tusk#types()}); to render
   * with the connection's codecs (a Literal of a user-defined type), use {@link
   * Connection#execute(Composable, Object...)} or {@code execute(sql.asString(conn), ...)}.
   */
  default Cursor<R> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Like {@link #execute(Composable, Object...)}, with {@code :name} parameters. */
  default Cursor<R> execute(Composable sql, Map<String, ?> params) {
    return execute(PortableSql.render(sql), params);
  }

  /**
   * Runs one statement once per parameter set, all in one round trip. Each element is an {@code
   * Object[]}, a {@link List} (positional) or a {@link Map} (named). The sets run as one unit: if
   * one fails, none takes effect (in autocommit mode). Sets beyond about 64 KiB of encoded values
   * are sent as several requests kept in flight, the next encoded while the server runs the last,
   * inside a transaction (or, within one, a savepoint) of their own, so they are still one unit;
   * other threads' statements on the connection wait until they end. {@link #rowCount()} is the
   * total. Each set's result is kept: rows a set returned ({@code RETURNING}) are the current
   * result for the first set, and {@link #nextSet()} moves to the next set's. With the connection
   * setting {@code rewrite_batched_inserts=on}, the sets of a one-row {@code INSERT ... VALUES ($1,
   * ...)} run as a few {@code INSERT ... SELECT unnest($1), ...} statements of column arrays
   * instead, one result per statement (docs/performance.md says which statements qualify).
   */
  Cursor<R> executeMany(String sql, List<?> paramSets);

  /** Like {@link #executeMany(String, List)}, with per-call options (prepare, timeout). */
  Cursor<R> executeMany(Query query, List<?> paramSets);

  /** The next row, or null when there are no more. */
  R fetchOne();

  /** Up to {@code size} next rows; fewer (or none) at the end. */
  List<R> fetchMany(int size);

  /** All remaining rows. */
  List<R> fetchAll();

  /**
   * The rows the last statement produced or affected (SELECT, INSERT, UPDATE, DELETE, MERGE, COPY,
   * FETCH, MOVE), or -1 when it reports none.
   */
  long rowCount();

  /** The command tag of the current result, e.g. {@code "INSERT 0 1"}, or null. */
  String statusMessage();

  /** The columns of the current result, or an empty list when it returns no rows. */
  List<Column> description();

  /**
   * Moves to the result of the next statement of a multi-statement script, or of the next parameter
   * set of {@link #executeMany}; returns false when there is none.
   */
  boolean nextSet();

  /**
   * Sets how many rows of a result this cursor buffers before it streams (1,000 by default); 0
   * receives every result whole before {@code execute} returns, as psycopg's client cursors and
   * pgjdbc do. Applies from the next {@code execute}.
   *
   * @return this cursor
   */
  Cursor<R> fetchSize(int rows);

  /**
   * Sets whether a streaming result holds the connection while its consumer lags (true, the
   * default). Bounded, at most {@link #fetchSize(int)} rows wait unread: the session then stops
   * reading, TCP holds the server back, memory stays flat, and other requests on the connection
   * wait until the consumer has read or closed the result. Unbounded, {@code execute} still returns
   * once the first {@code fetchSize} rows have arrived and the rest are still read as the consumer
   * iterates, but whenever another request needs the connection the session reads the rest of the
   * result into memory instead of making that request wait: memory then grows as with a fetch size
   * of 0, and no request, from any thread, ever waits for this cursor's consumer (JDBC's result
   * sets read this way by default). Applies from the next {@code execute}.
   *
   * @return this cursor
   */
  Cursor<R> boundedStreaming(boolean bounded);

  /**
   * The current result's remaining rows as a {@link Stream}, read from the server as the stream is
   * consumed, so memory stays flat however many rows there are. Closing the stream (use
   * try-with-resources) abandons the rows not read: they are dropped as they arrive, and the
   * connection stays usable. Not for a cursor of a {@link Pipeline}, whose rows are all received.
   */
  Stream<R> stream();

  /**
   * The codecs this cursor uses. Until this is first called the cursor uses its connection's
   * registry; the first call gives it its own copy, so that registrations here affect this cursor
   * only (from its next statement on).
   */
  TypeRegistry types();

  /**
   * Starts a {@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT} statement (psycopg's {@code
   * cursor.copy}) and returns once the server has started it; write or read its data through the
   * {@link Copy}, and close it (try-with-resources). The statement runs over the simple protocol
   * and takes no parameters; compose dynamic table and column names with {@link #copy(Composable)}.
   * While the COPY takes data, other threads' requests on the connection wait behind it.
   *
   * <p>A server-side cursor, whose statement is a query, raises {@link
   * dev.tusk.errors.FeatureNotSupported} (SQLSTATE 0A000), as every refused feature does.
   *
   * @throws dev.tusk.errors.TuskException the server's error if it refused the statement (no such
   *     table, say); nothing was copied and the connection is usable
   */
  Copy copy(String sql);

  /**
   * Like {@link #copy(String)}, with names composed by {@link dev.tusk.sql} (quoted, never
   * spliced).
   */
  default Copy copy(Composable sql) {
    return copy(PortableSql.render(sql));
  }

  /**
   * Copies text data from {@code in} into {@code table} (psycopg2's {@code copy_from}): {@code COPY
   * table (columns) FROM STDIN (DELIMITER sep, NULL nullString)}, with the table and column names
   * quoted as identifiers. {@code table} is one name, used as written (case kept); for a
   * schema-qualified table use {@link #copyFrom(Identifier, Reader, String, String, String...)}.
   *
   * @param sep the column separator, e.g. {@code "\t"} (PostgreSQL's default)
   * @param nullString the text that stands for NULL, e.g. {@code "\\N"}
   * @param columns the columns the data holds, in order; none for all of the table's
   * @return the number of rows copied
   */
  default long copyFrom(String table, Reader in, String sep, String nullString, String... columns) {
    return copyFrom(Identifier.of(table), in, sep, nullString, columns);
  }

  /** Like {@link #copyFrom(String, Reader, String, String, String...)}, for a qualified name. */
  default long copyFrom(
      Identifier table, Reader in, String sep, String nullString, String... columns) {
    try (Copy copy = copy(CopyCommands.from(table, sep, nullString, columns))) {
      copy.writeAll(in);
      return copy.finish();
    }
  }

  /**
   * Copies {@code table} as text into {@code out} (psycopg2's {@code copy_to}): {@code COPY table
   * (columns) TO STDOUT (DELIMITER sep, NULL nullString)}, names quoted as identifiers, each row a
   * line. Does not close {@code out}.
   *
   * @return the number of rows copied
   */
  default long copyTo(String table, Writer out, String sep, String nullString, String... columns) {
    return copyTo(Identifier.of(table), out, sep, nullString, columns);
  }

  /** Like {@link #copyTo(String, Writer, String, String, String...)}, for a qualified name. */
  default long copyTo(
      Identifier table, Writer out, String sep, String nullString, String... columns) {
    try (Copy copy = copy(CopyCommands.to(table, sep, nullString, columns))) {
      CopyCommands.transferText(copy, out);
      return copy.rowCount();
    }
  }

  /**
   * Runs a {@code COPY ... FROM STDIN} statement with the bytes of {@code in} as its data
   * (psycopg2's {@code copy_expert}); does not close {@code in}.
   *
   * @return the number of rows copied
   */
  default long copyExpert(String sql, InputStream in) {
    try (Copy copy = copy(sql)) {
      CopyCommands.requireDirection(copy, true);
      copy.writeAll(in);
      return copy.finish();
    }
  }

  /**
   * Runs a {@code COPY ... TO STDOUT} statement, writing its data to {@code out} (psycopg2's {@code
   * copy_expert}); does not close {@code out}.
   *
   * @return the number of rows copied
   */
  default long copyExpert(String sql, OutputStream out) {
    try (Copy copy = copy(sql)) {
      CopyCommands.requireDirection(copy, false);
      copy.transferTo(out);
      return copy.rowCount();
    }
  }

  /** Frees the results. A closed cursor can run no more statements. */
  @Override
  void close();
}
