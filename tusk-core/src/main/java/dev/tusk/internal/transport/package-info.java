/**
 * TCP and Unix-domain sockets as blocking channels, with connect timeout, TCP_NODELAY and
 * keepalive.
 *
 * <p>May use: {@code internal.buffer}, {@code internal.conninfo}, {@code errors}.
 */
package dev.tusk.internal.transport;
