package dev.tusk;

/** The server's transaction state as last reported by ReadyForQuery. */
public enum TransactionStatus {
  /** Not in a transaction block. */
  IDLE,
  /** In a transaction block. */
  IN_TRANSACTION,
  /** In a failed transaction block: statements are rejected until rollback. */
  IN_ERROR,
  /** The connection is closed. */
  UNKNOWN
}
