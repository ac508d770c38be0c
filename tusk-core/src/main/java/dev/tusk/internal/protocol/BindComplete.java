package dev.tusk.internal.protocol;

/** A Bind succeeded (BindComplete, type '2'). */
public record BindComplete() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final BindComplete INSTANCE = new BindComplete();
}
