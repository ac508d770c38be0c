package dev.tusk.internal.protocol;

/** The described statement or portal returns no rows (NoData, type 'n'). */
public record NoData() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final NoData INSTANCE = new NoData();
}
