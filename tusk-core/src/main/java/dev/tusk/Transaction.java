package dev.tusk;

/**
 * A transaction block, or a savepoint inside one, opened by {@link Connection#transaction()}. While
 * it is open, its thread has exclusive use of the connection. Use with try-with-resources: closing
 * without {@link #commit()} rolls back.
 */
public interface Transaction extends AutoCloseable {

  /** Commits (or releases the savepoint). The block is then finished. */
  void commit();

  /** Rolls back (to the savepoint). The block is then finished. */
  void rollback();

  /** Whether this block is a savepoint inside an outer transaction. */
  boolean isSavepoint();

  /** Rolls back unless already committed or rolled back. */
  @Override
  void close();
}
