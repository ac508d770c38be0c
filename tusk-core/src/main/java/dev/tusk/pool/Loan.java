package dev.tusk.pool;

import dev.tusk.errors.InterfaceError;

/**
 * One loan of a pooled connection, as what the borrower took from it (cursors, pipelines, the async
 * face) sees it: usable while the loan lasts, an {@link InterfaceError} after.
 */
interface Loan {

  /** Whether the loan still lasts. */
  boolean lasts();

  /** The pool's name, for errors. */
  String pool();

  /**
   * Throws {@link InterfaceError} naming {@code what} once the loan has ended: by then the
   * connection may serve another borrower.
   */
  default void check(String what) {
    if (!lasts()) {
      throw new InterfaceError(
          what
              + " was used after its connection went back to pool "
              + pool()
              + "; the connection may serve another borrower now, so nothing was run. Use"
              + " cursors only while the connection they came from is held");
    }
  }
}
