/**
 * The placeholder parser ({@code $n} and {@code :name}) and the bind plan of a statement.
 *
 * <p>May use: {@code types}, {@code internal.codec}, {@code errors}.
 */
package dev.tusk.internal.query;
