package dev.tusk;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

/**
 * A running {@code COPY} statement, from {@link Cursor#copy(String)}: {@code COPY ... FROM STDIN}
 * takes the data you write, {@code COPY ... TO STDOUT} gives data to read. Use it with
 * try-with-resources; it is not thread-safe (one owner, like a cursor), but the connection stays
 * shared: other threads' requests queue behind the COPY and run once it ends.
 *
 * <pre>{@code
 * try (Copy copy = cursor.copy("COPY pets (id, name) FROM STDIN (FORMAT binary)")) {
 *     copy.setTypes("int4", "text");
 *     copy.writeRow(1, "Tusk");
 *     copy.writeRow(2, "Ivory");
 *     copy.finish();                       // without it, close() aborts: the table is unchanged
 * }
 * try (Copy copy = cursor.copy("COPY pets TO STDOUT")) {
 *     for (Object[] row; (row = copy.readRow()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p><b>Writing.</b> Raw data ({@link #write(byte[])} and the others) must already be in the
 * statement's format; {@link #writeRow} encodes values in the format the server announces (text,
 * CSV with the statement's options, or binary), through the same codecs as parameters. Data is sent
 * in messages of about 64 KiB as it accumulates, so memory stays flat. While a COPY takes data it
 * owns the connection's write side: another thread's statement sent now would be read by the server
 * as data. {@link #finish()} ends the data and returns the row count. {@link #close()} without
 * {@code finish()} aborts the COPY (CopyFail): the table is unchanged, as a {@link Transaction}
 * rolls back without {@code commit()}.
 *
 * <p><b>Errors.</b> If the server fails the COPY (a row it cannot read, a constraint), the next
 * write, {@code finish()} or {@code close()} raises the server's error, typed by its SQLSTATE (e.g.
 * {@link dev.tusk.errors.InvalidTextRepresentation}); nothing was copied, and the connection is
 * usable.
 *
 * <p><b>Reading.</b> Data arrives as the server sends it, one chunk per row: {@link #read()}, the
 * iterator, {@link #transferTo(OutputStream)} take raw chunks, {@link #readRow()} and {@link
 * #rows()} decode them into values. At most a few MiB are buffered: while the reader is behind, the
 * connection reads nothing more and TCP holds the server back. Closing before the end drops the
 * rest as it arrives (the statement runs to its end; no CancelRequest is sent, which on a shared
 * connection could hit another caller's statement), and the connection is usable at once, the
 * requests behind the COPY running once it ends.
 *
 * <p>A {@code Copy} dropped without {@code finish()} or {@code close()} is aborted once the garbage
 * collector finds it, so the requests behind it do not wait forever; close it instead.
 */
public interface Copy extends AutoCloseable, Iterable<byte[]> {

  /**
   * Whether this COPY takes data ({@code FROM STDIN}); false if it gives data ({@code TO STDOUT}).
   */
  boolean isWritable();

  /** Whether the server announced the binary format ({@code FORMAT binary}). */
  boolean isBinary();

  // ---- COPY FROM STDIN

  /** Writes raw data, in the statement's format; returns this COPY. */
  Copy write(byte[] data);

  /** Writes {@code length} bytes of raw data from {@code offset}. */
  Copy write(byte[] data, int offset, int length);

  /** Writes the remaining bytes of {@code data} (its position moves to its limit). */
  Copy write(ByteBuffer data);

  /** Writes text data (text or CSV format), encoded as UTF-8, the connection's encoding. */
  Copy write(CharSequence text);

  /**
   * Sets the types of the columns, by name ({@code "int4"}, {@code "text"}, {@code "timestamptz"},
   * a user-defined type...), as psycopg's {@code set_types}: the binary format needs them, since
   * its values carry no type. Without it, {@link #writeRow} in binary looks the types up once, from
   * the statement's table and column list; in text and CSV each value is rendered by the codec for
   * its Java type.
   *
   * @return this COPY
   */
  Copy setTypes(String... typeNames);

  /**
   * Writes one row, its values encoded through the connection's codecs in the statement's format
   * (psycopg's {@code write_row}); {@code null} is SQL NULL.
   *
   * @return this COPY
   */
  Copy writeRow(Object... values);

  /** Writes every row of {@code rows} with {@link #writeRow}; returns this COPY. */
  Copy writeRows(Iterable<Object[]> rows);

  /** Writes every row of {@code rows} with {@link #writeRow}, in order; returns this COPY. */
  Copy writeRows(Stream<Object[]> rows);

  /**
   * Writes everything {@code in} holds (raw data in the statement's format), without reading it
   * whole; does not close it.
   *
   * @return the number of bytes written
   */
  long writeAll(InputStream in);

  /**
   * Writes everything {@code in} holds (text or CSV data), encoded as UTF-8, without reading it
   * whole; does not close it.
   *
   * @return the number of characters written
   */
  long writeAll(Reader in);

  /**
   * Ends the data and waits for the server to copy it; for a {@code COPY TO}, drops what is left to
   * read. The COPY is then over.
   *
   * @return the number of rows copied
   * @throws dev.tusk.errors.TuskException the server's error; nothing was copied
   */
  long finish();

  /** The row count of a COPY that has ended successfully; -1 before that. */
  long rowCount();

  // ---- COPY TO STDOUT

  /**
   * The next chunk of data as the server sent it (in text and CSV, one row with its newline), or
   * null at the end.
   *
   * @throws dev.tusk.errors.TuskException the server's error, once the data before it is read
   */
  byte[] read();

  /**
   * The next row decoded into values (text, CSV or binary, as the server sends them), or null at
   * the end. Columns are decoded with the types set by {@link #setTypes}; in text and CSV without
   * them, values are strings.
   */
  Object[] readRow();

  /** The rows still to come, decoded as by {@link #readRow()}; read as the stream is consumed. */
  Stream<Object[]> rows();

  /**
   * Writes all the data still to come to {@code out}, chunk by chunk; does not close it.
   *
   * @return the number of bytes written
   */
  long transferTo(OutputStream out);

  /**
   * Aborts a {@code COPY FROM STDIN} that was not finished (the table is unchanged) and drops what
   * is left of a {@code COPY TO STDOUT}; does nothing once the COPY has ended.
   *
   * @throws dev.tusk.errors.TuskException the server's error, if it failed the COPY and no call has
   *     raised that error yet
   */
  @Override
  void close();
}
