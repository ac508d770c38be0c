package dev.tusk.types;

/**
 * A PostgreSQL {@code line}: the infinite line {@code Ax + By + C = 0}. The server refuses a line
 * whose A and B are both zero.
 *
 * @param a the coefficient A
 * @param b the coefficient B
 * @param c the constant C
 */
public record PgLine(double a, double b, double c) {}
