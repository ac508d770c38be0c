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

  private static final ReadyForQuery READY_IDLE = new ReadyForQuery(IDLE);
  private static final ReadyForQuery READY_IN_TRANSACTION = new ReadyForQuery(IN_TRANSACTION);
  private static final ReadyForQuery READY_FAILED = new ReadyForQuery(FAILED_TRANSACTION);

  /**
   * The message for one of the three statuses, shared: every request ends with one, and a record of
   * one char needs no instance of its own. Null for any other status, which the decoder refuses.
   */
  static ReadyForQuery of(char transactionStatus) {
    return switch (transactionStatus) {
      case IDLE -> READY_IDLE;
      case IN_TRANSACTION -> READY_IN_TRANSACTION;
      case FAILED_TRANSACTION -> READY_FAILED;
      default -> null;
    };
  }
}
