package dev.tusk.internal.transport;

import java.io.IOException;

/** A GSSAPI packet is larger than client and server agreed (see {@link GssTransport}). */
public final class GssPacketException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with the sizes in its message. */
  public GssPacketException(String message) {
    super(message);
  }
}
