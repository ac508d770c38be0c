package dev.tusk.internal.protocol;

/** The query string was empty, in place of a CommandComplete (EmptyQueryResponse, type 'I'). */
public record EmptyQueryResponse() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final EmptyQueryResponse INSTANCE = new EmptyQueryResponse();
}
