/**
 * Built-in codecs, one file per type family, found by OID through a flat array.
 *
 * <p>May use: {@code types}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.codec;
