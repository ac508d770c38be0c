/**
 * TCP and Unix-domain sockets as non-blocking channels (connect timeout, TCP_NODELAY, keepalive),
 * and TLS over them through {@code SSLEngine}: trust, client certificates and keys, revocation
 * lists, protocol versions, SNI and ALPN as libpq's settings ask.
 *
 * <p>May use: {@code internal.buffer}, {@code internal.conninfo}, {@code errors}.
 */
package dev.tusk.internal.transport;
