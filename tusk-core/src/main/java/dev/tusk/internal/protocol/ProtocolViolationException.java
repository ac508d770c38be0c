package dev.tusk.internal.protocol;

import java.io.IOException;

/**
 * The server sent bytes that are not a valid protocol 3 message: an unknown type, a length out of
 * range, or a body that does not match its layout. The stream cannot be resynchronized after this,
 * so the connection must be closed.
 */
public class ProtocolViolationException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the message type, sizes and limits involved. */
  public ProtocolViolationException(String message) {
    super(message);
  }
}
