/**
 * SQL composition: statements built from {@link dev.tusk.sql.SQL} text, {@link
 * dev.tusk.sql.Identifier}s, {@link dev.tusk.sql.Literal}s and {@link dev.tusk.sql.Placeholder}s,
 * for what parameters cannot carry (table and column names, statements that take no parameters).
 * {@link dev.tusk.sql.Quoting} is the one routine that quotes identifiers and literals.
 *
 * <p>May use: {@code types}, {@code errors}.
 */
package dev.tusk.sql;
