package dev.tusk.internal.protocol;

/**
 * The server is ready for a new query cycle (ReadyForQuery, type 'Z').
 *
 * @param transactionStatus {@link #IDLE}, {@link #IN_TRANSACTION} or {@link #FAILED_TRANSACTION}
 */
public record ReadyForQuery(char transactionStatus) implements BackendMessage {

  /** Not in a transaction block. */
  public static final char IDLE = 'I';

  /** In a transaction block. */
  public static final char IN_TRANSACTION = 'T';

  /** In a failed transaction block: queries are rejected until the block ends. */
  public static final char FAILED_TRANSACTION = 'E';
}
