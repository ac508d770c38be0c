package dev.tusk.types;

/**
 * A PostgreSQL {@code point}. Coordinates are float8 and may be NaN or infinite, as on the server.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record PgPoint(double x, double y) {}
