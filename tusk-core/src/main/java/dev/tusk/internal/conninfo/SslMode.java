package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.util.Optional;

/** How much TLS protection to insist on: libpq's {@code sslmode}, in increasing order. */
public enum SslMode {
  /** Plain connection only. */
  DISABLE("disable"),
  /** Plain first; TLS if the server insists. */
  ALLOW("allow"),
  /** TLS first; plain if the server does not offer it. */
  PREFER("prefer"),
  /** TLS, without checking the server's certificate. */
  REQUIRE("require"),
  /** TLS, with a server certificate signed by a trusted authority. */
  VERIFY_CA("verify-ca"),
  /** TLS, with a trusted server certificate whose name matches the host. */
  VERIFY_FULL("verify-full");

  /** The spellings libpq accepts, for error messages. */
  static final String SPELLINGS = "disable, allow, prefer, require, verify-ca, verify-full";

  private final String keyword;

  SslMode(String keyword) {
    this.keyword = keyword;
  }

  /** The libpq spelling, e.g. {@code verify-full}. */
  public String keyword() {
    return keyword;
  }

  /** Whether the mode refuses a connection without TLS (require and stronger). */
  public boolean requiresTls() {
    return compareTo(REQUIRE) >= 0;
  }

  /**
   * The mode with the libpq spelling {@code text} (exact and lower case, like libpq).
   *
   * @throws ProgrammingError if {@code text} is not one of the six spellings
   */
  public static SslMode parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new ProgrammingError(
                    "invalid sslmode \"" + text + "\": expected one of " + SPELLINGS));
  }

  /** The mode with the libpq spelling {@code text}, if there is one. */
  static Optional<SslMode> find(String text) {
    for (SslMode mode : values()) {
      if (mode.keyword.equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
