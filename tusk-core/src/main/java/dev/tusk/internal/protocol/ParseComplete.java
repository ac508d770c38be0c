package dev.tusk.internal.protocol;

/** A Parse succeeded (ParseComplete, type '1'). */
public record ParseComplete() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final ParseComplete INSTANCE = new ParseComplete();
}
