package dev.tusk.internal.protocol;

/** An Execute stopped at its row limit; the portal has more rows (PortalSuspended, type 's'). */
public record PortalSuspended() implements BackendMessage {

  /** The one instance the reader returns, so receiving this message allocates nothing. */
  public static final PortalSuspended INSTANCE = new PortalSuspended();
}
