package dev.tusk;

import dev.tusk.errors.NoActiveSqlTransaction;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A connection's large objects (psycopg2's {@code lobject}, pgjdbc's {@code LargeObjectManager}):
 * values of up to 4 TB stored apart from tables, read and written in pieces through the server's
 * {@code lo_*} functions, so that neither side ever holds a whole one in memory.
 *
 * <p>The server closes every open large object at the end of its transaction, so {@link #open},
 * {@link #importFrom} and {@link #exportTo} need one: run them inside {@link
 * Connection#transaction()} (or with autocommit off). In autocommit mode they fail with {@link
 * NoActiveSqlTransaction}. {@link #create()} and {@link #unlink(long)} work in either mode.
 *
 * <pre>{@code
 * try (Transaction tx = conn.transaction()) {
 *   long oid = conn.largeObjects().importFrom(Files.newInputStream(path));
 *   tx.commit();
 * }
 * }</pre>
 */
public final class LargeObjects {

  /** Bytes moved per round trip by the streams, import and export. */
  static final int CHUNK = LargeObjectStore.CHUNK;

  private final LargeObjectStore store;

  LargeObjects(Connection connection) {
    this.store = new LargeObjectStore(FaceConnection.of(connection));
  }

  /** How a large object is opened. */
  public enum Mode {
    /** Reading only ({@code INV_READ}): sees the object as of the transaction's snapshot. */
    READ(0x40000),
    /** Writing only ({@code INV_WRITE}). */
    WRITE(0x20000),
    /** Reading and writing ({@code INV_READ | INV_WRITE}): reads see this transaction's writes. */
    READ_WRITE(0x60000);

    final int flags;

    Mode(int flags) {
      this.flags = flags;
    }
  }

  /** Creates an empty large object ({@code lo_creat}) and returns its OID. */
  public long create() {
    return Futures.join(store.create());
  }

  /**
   * Opens the large object {@code oid} ({@code lo_open}) until {@link LargeObject#close()} or the
   * end of the transaction.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws dev.tusk.errors.UndefinedObject if there is no large object {@code oid}
   */
  public LargeObject open(long oid, Mode mode) {
    return new LargeObject(Futures.join(store.open(oid, mode)));
  }

  /** Deletes the large object {@code oid} ({@code lo_unlink}). */
  public void unlink(long oid) {
    Futures.join(store.unlink(oid));
  }

  /**
   * Creates a large object holding everything {@code in} holds, read in chunks, and returns its
   * OID. Does not close {@code in}.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws UncheckedIOException if reading {@code in} fails
   */
  public long importFrom(InputStream in) {
    return Futures.join(store.importFrom(in));
  }

  /**
   * Writes all of the large object {@code oid} to {@code out}, in chunks. Does not close {@code
   * out}.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws UncheckedIOException if writing to {@code out} fails
   */
  public void exportTo(long oid, OutputStream out) {
    Futures.join(store.exportTo(oid, out));
  }
}
