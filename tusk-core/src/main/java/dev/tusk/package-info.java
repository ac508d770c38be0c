/**
 * Tusk's API: {@link dev.tusk.Tusk} opens a {@link dev.tusk.Connection}; cursors run statements and
 * return rows made by a {@link dev.tusk.RowFactory}.
 *
 * <p>May use: {@code errors}, {@code types}, {@code sql}; {@code Tusk} alone reaches into {@code
 * internal.client}.
 */
package dev.tusk;
