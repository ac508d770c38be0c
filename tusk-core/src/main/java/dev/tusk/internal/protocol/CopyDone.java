package dev.tusk.internal.protocol;

/** The end of a COPY data stream (CopyDone, type 'c'). */
public record CopyDone() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final CopyDone INSTANCE = new CopyDone();
}
