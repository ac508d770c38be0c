/**
 * Value conversion, only where exact: decoded values to Java types other than their codec's default
 * ({@code Conversions}, including arrays and records), and parameter values to the class their
 * codec writes ({@code ParameterValues}, including number widening and records as composites).
 *
 * <p>May use: {@code internal.codec.builtin}, {@code internal.codec.text}, {@code types}, {@code
 * errors}.
 */
package dev.tusk.internal.codec.convert;
