package dev.tusk.bench.driver;

import dev.tusk.bench.data.WideRows;

/** Writes rows into a table in one transaction (workloads d and e). */
public interface RowLoader extends AutoCloseable {

  /** Rows per {@code executeMany} or {@code executeBatch} call, for the drivers that batch. */
  int CHUNK = 10_000;

  /** Inserts {@code rows} into {@code table} and commits. */
  void load(String table, WideRows rows) throws Exception;

  /** Closes the connection behind the loader. */
  @Override
  void close() throws Exception;
}
