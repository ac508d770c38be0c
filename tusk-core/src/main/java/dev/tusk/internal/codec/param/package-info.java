/**
 * Parameter encoding: the {@code ParameterEncoder} chosen for each Java class (built-in classes,
 * arrays of any dimension, ranges, user codecs), which writes a parameter's OID, format and
 * length-prefixed bytes.
 *
 * <p>May use: {@code internal.codec.convert}, {@code internal.codec.builtin}, {@code
 * internal.codec.text}, {@code types}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.codec.param;
