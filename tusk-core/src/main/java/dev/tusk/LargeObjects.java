package dev.tusk;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.NoActiveSqlTransaction;
import java.io.IOException;
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
  static final int CHUNK = 1 << 20;

  private final Connection connection;

  LargeObjects(Connection connection) {
    this.connection = connection;
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
    return connection.execute("SELECT lo_creat(-1)").fetchOne().getLong(0);
  }

  /**
   * Opens the large object {@code oid} ({@code lo_open}) until {@link LargeObject#close()} or the
   * end of the transaction.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws dev.tusk.errors.UndefinedObject if there is no large object {@code oid}
   */
  public LargeObject open(long oid, Mode mode) {
    int descriptor =
        connection.execute("SELECT lo_open($1::oid, $2)", oid, mode.flags).fetchOne().getInt(0);
    if (connection.info().transactionStatus() == TransactionStatus.IDLE) {
      // Autocommit: the transaction that opened it has ended, and the server closed it with it.
      throw new NoActiveSqlTransaction(
          Diagnostic.client(
              NoActiveSqlTransaction.SQLSTATE,
              "large objects can be used only inside a transaction, which closes them when it"
                  + " ends: open one with conn.transaction() (or turn autocommit off) first"));
    }
    return new LargeObject(connection, oid, descriptor);
  }

  /** Deletes the large object {@code oid} ({@code lo_unlink}). */
  public void unlink(long oid) {
    connection.execute("SELECT lo_unlink($1::oid)", oid);
  }

  /**
   * Creates a large object holding everything {@code in} holds, read in chunks, and returns its
   * OID. Does not close {@code in}.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws UncheckedIOException if reading {@code in} fails
   */
  public long importFrom(InputStream in) {
    long oid = create();
    try (LargeObject object = open(oid, Mode.WRITE)) {
      byte[] chunk = new byte[CHUNK];
      int n;
      while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
        object.write(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the stream to import failed", e);
    }
    return oid;
  }

  /**
   * Writes all of the large object {@code oid} to {@code out}, in chunks. Does not close {@code
   * out}.
   *
   * @throws NoActiveSqlTransaction outside a transaction
   * @throws UncheckedIOException if writing to {@code out} fails
   */
  public void exportTo(long oid, OutputStream out) {
    try (LargeObject object = open(oid, Mode.READ)) {
      byte[] chunk;
      while ((chunk = object.read(CHUNK)).length > 0) {
        out.write(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the exported large object failed", e);
    }
  }
}
