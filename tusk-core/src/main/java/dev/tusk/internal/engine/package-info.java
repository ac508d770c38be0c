/**
 * One {@code Session} per physical connection: the in-flight FIFO of exchanges, the write path, the
 * reader thread, startup, cancel. Deals in bytes, OIDs and formats only.
 *
 * <p>May use: {@code internal.protocol}, {@code internal.auth}, {@code internal.transport}, {@code
 * internal.conninfo}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.engine;
