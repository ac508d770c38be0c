/**
 * Wire protocol 3 as data: backend messages as sealed records, a writer for each frontend message,
 * and the framer with size limits. No sockets, threads, clocks or Java-type conversion.
 *
 * <p>May use: {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.protocol;
