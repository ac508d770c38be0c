/**
 * Growable write buffer and big-endian primitives for the wire protocol and codecs.
 *
 * <p>May use: the JDK, and {@code types} for the one interface the write buffer implements ({@link
 * dev.tusk.types.BinaryOutput}), so that codecs write into it directly.
 */
package dev.tusk.internal.buffer;
