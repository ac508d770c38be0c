package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import java.lang.System.Logger.Level;

/**
 * The wire trace: each message's direction, type and length, logged to {@code dev.tusk.wire} at
 * TRACE (java.util.logging's FINER). Never a payload byte: no SQL, no parameter values, no
 * authentication data, and for the password and SASL messages not even the length, which would tell
 * a password's length.
 *
 * <p>Frontend messages are logged as they are encoded, just before they are queued for the socket;
 * backend messages as their header is read. Both check the level first, so a disabled trace costs
 * one level check per message and allocates nothing.
 */
final class WireTrace {

  private static final System.Logger LOG = System.getLogger("dev.tusk.wire");

  private WireTrace() {}

  /** Logs a backend message's header. */
  static void backend(byte type, int length) {
    if (LOG.isLoggable(Level.TRACE)) {
      LOG.log(Level.TRACE, "B " + BackendMessageDecoder.name(type) + " " + length);
    }
  }

  /** Logs a typed frontend message whose type byte and length start at {@code offset}. */
  static void frontend(byte[] message, int offset) {
    if (LOG.isLoggable(Level.TRACE)) {
      byte type = message[offset];
      LOG.log(
          Level.TRACE,
          type == 'p'
              ? "F PasswordMessage/SASL (length not shown)"
              : "F " + frontendName(type) + " " + BigEndian.int32(message, offset + 1));
    }
  }

  /** Logs an untyped frontend message (StartupMessage, SSLRequest, CancelRequest). */
  static void untyped(String name, int length) {
    if (LOG.isLoggable(Level.TRACE)) {
      LOG.log(Level.TRACE, "F " + name + " " + length);
    }
  }

  /** The name of a frontend message type, as the protocol chapter calls it. */
  static String frontendName(byte type) {
    return switch (type) {
      case 'Q' -> "Query";
      case 'P' -> "Parse";
      case 'B' -> "Bind";
      case 'D' -> "Describe";
      case 'E' -> "Execute";
      case 'S' -> "Sync";
      case 'H' -> "Flush";
      case 'C' -> "Close";
      case 'X' -> "Terminate";
      case 'd' -> "CopyData";
      case 'c' -> "CopyDone";
      case 'f' -> "CopyFail";
      case 'F' -> "FunctionCall";
      case 'p' -> "PasswordMessage/SASL";
      default -> "'" + (char) (type & 0xFF) + "'";
    };
  }
}
