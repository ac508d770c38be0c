package dev.tusk.types;

/**
 * A PostgreSQL {@code circle}. The server refuses a negative radius.
 *
 * @param center the center
 * @param radius the radius
 */
public record PgCircle(PgPoint center, double radius) {

  /** Requires a center. */
  public PgCircle {
    GeometryChecks.require(center, "center");
  }
}
