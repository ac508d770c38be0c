package dev.tusk.internal.transport;

import java.io.IOException;

/**
 * The client's own TLS material is unusable (a missing root certificate file, an unreadable key, a
 * wrong {@code sslpassword}): a configuration error, so no other encryption method or host is tried
 * with it.
 */
public final class TlsSetupException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An error whose message names the setting to fix. */
  public TlsSetupException(String message) {
    super(message);
  }

  /** An error whose message names the setting to fix, with its cause. */
  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
