package dev.tusk;

/** Whether a statement runs as a named prepared statement on the server; see {@link Query}. */
public enum Preparation {
  /**
   * The connection decides: a statement the server plans (SELECT, INSERT, UPDATE, DELETE, MERGE,
   * WITH, VALUES, TABLE) is prepared once it has run {@code prepare_threshold} times.
   */
  AUTOMATIC,

  /** Prepared on the server at this run (or already), whatever the statement and the count. */
  ALWAYS,

  /** Never prepared: parsed as the unnamed statement each time. */
  NEVER
}
