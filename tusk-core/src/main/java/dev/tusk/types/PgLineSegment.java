package dev.tusk.types;

/**
 * A PostgreSQL {@code lseg}: the line segment between two points.
 *
 * @param start the first end point
 * @param end the second end point
 */
public record PgLineSegment(PgPoint start, PgPoint end) {

  /** Requires both points. */
  public PgLineSegment {
    GeometryChecks.require(start, "start");
    GeometryChecks.require(end, "end");
  }
}
