package dev.tusk.pool;

/** A pool as seen by the connections it lends: where they go back to. */
interface Lender {

  /** The pool's name, for errors. */
  String name();

  /** Takes back a connection whose loan just ended. */
  void giveBack(PoolEntry entry);
}
