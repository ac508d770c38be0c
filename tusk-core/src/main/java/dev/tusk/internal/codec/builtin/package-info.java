/**
 * The driver's own codecs: one file per built-in type family ({@code BuiltinCodecs} lists them by
 * OID), and the generic codecs that the catalog instantiates for user-defined types (array,
 * composite, domain, enum, range, multirange, hstore); with the binary array format and the
 * primitive fast path for typed getters.
 *
 * <p>May use: {@code internal.codec.text}, {@code types}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.codec.builtin;
