/**
 * Growable write buffer and big-endian primitives for the wire protocol and codecs.
 *
 * <p>May use: the JDK only (a leaf).
 */
package dev.tusk.internal.buffer;
