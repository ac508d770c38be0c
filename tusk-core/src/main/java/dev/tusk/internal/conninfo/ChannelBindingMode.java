package dev.tusk.internal.conninfo;

/** libpq's {@code channel_binding}: whether SCRAM must bind to the TLS channel. */
public enum ChannelBindingMode {
  /** Never bind, even if the server offers SCRAM-SHA-256-PLUS. */
  DISABLE,
  /** Bind when the connection is TLS and the server offers SCRAM-SHA-256-PLUS (the default). */
  PREFER,
  /**
   * Always bind: fail unless the server authenticates with SCRAM-SHA-256-PLUS over TLS. A server
   * that asks for anything else, or for nothing, is refused.
   */
  REQUIRE
}
