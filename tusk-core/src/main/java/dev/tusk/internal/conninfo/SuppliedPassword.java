package dev.tusk.internal.conninfo;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InvalidAuthorizationSpecification;

/**
 * Asks a {@link PasswordSource} for one host's password, and turns its failures (an exception,
 * null, an empty password) into {@link InvalidAuthorizationSpecification}, whose message names what
 * went wrong but, having no password, can never show one.
 */
final class SuppliedPassword {

  private SuppliedPassword() {}

  /** The password {@code source} gives for {@code user} at {@code host}. */
  static Password ask(PasswordSource source, HostPort host, String user) {
    String secret;
    try {
      secret = source.password(host);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw failed(host, user, "failed: " + e.getClass().getName() + ": " + e.getMessage(), e);
    }
    if (secret == null) {
      throw failed(host, user, "returned null", null);
    }
    if (secret.isEmpty()) {
      // As libpq, which treats an empty password as none given.
      throw failed(host, user, "returned an empty password", null);
    }
    return new Password(secret);
  }

  private static InvalidAuthorizationSpecification failed(
      HostPort host, String user, String what, Throwable cause) {
    return new InvalidAuthorizationSpecification(
        Diagnostic.client(
            InvalidAuthorizationSpecification.SQLSTATE,
            "the password supplier for user \"" + user + "\" at " + host + " " + what),
        cause);
  }
}
