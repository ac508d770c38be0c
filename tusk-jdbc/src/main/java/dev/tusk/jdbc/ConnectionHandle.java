package dev.tusk.jdbc;

import java.sql.Connection;

/**
 * A logical connection a pooled physical connection lends out ({@link TuskPooledConnection}): the
 * statements and metadata made through it answer it to {@code getConnection()}, so that code never
 * reaches the physical connection behind the pool's back, and it closes them when it closes.
 */
interface ConnectionHandle {

  /** The handle as its user holds it. */
  Connection handle();

  /** Called by a statement made through the handle when the statement closes. */
  void statementClosed(JdbcStatement statement);
}
