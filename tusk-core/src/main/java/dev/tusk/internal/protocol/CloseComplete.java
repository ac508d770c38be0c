package dev.tusk.internal.protocol;

/** A Close succeeded (CloseComplete, type '3'). */
public record CloseComplete() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final CloseComplete INSTANCE = new CloseComplete();
}
