package dev.tusk.internal.client;

/**
 * How a cursor's lone statement streams its result: after how many {@code rows} it returns with the
 * rest still arriving (0: never, it collects the whole result first), and whether the session then
 * stops reading while that many rows wait for the consumer ({@code bounded}: memory stays flat and
 * the requests behind wait) or reads on into memory whenever anyone reads (the stream never holds
 * up the requests behind it).
 */
record Streaming(int rows, boolean bounded) {

  /** Receives every result whole before execute returns. */
  static final Streaming COLLECT = new Streaming(0, true);

  /** A cursor's default: streams past {@link Statements#STREAM_ROWS} rows, bounded. */
  private static final Streaming BY_DEFAULT = new Streaming(Statements.STREAM_ROWS, true);

  /** As a cursor's settings say; the two usual settings share one record, not one per execute. */
  static Streaming of(int rows, boolean bounded) {
    if (bounded && rows == BY_DEFAULT.rows) {
      return BY_DEFAULT;
    }
    return bounded && rows == COLLECT.rows ? COLLECT : new Streaming(rows, bounded);
  }

  /** Whether a result may be returned while its rows still arrive. */
  boolean streams() {
    return rows > 0;
  }
}
