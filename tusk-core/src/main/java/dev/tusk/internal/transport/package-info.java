/**
 * TCP and Unix-domain channels with timeouts and keepalive.
 *
 * <p>May use: {@code internal.buffer}, {@code internal.conninfo}, {@code errors}.
 */
package dev.tusk.internal.transport;
