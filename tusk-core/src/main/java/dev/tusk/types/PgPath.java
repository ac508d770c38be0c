package dev.tusk.types;

import java.util.List;

/**
 * A PostgreSQL {@code path}: points joined by line segments, open ({@code [(1,2),(3,4)]}) or closed
 * back to the first point ({@code ((1,2),(3,4))}).
 *
 * @param points the points, at least one, as an unmodifiable list
 * @param closed whether the last point joins the first
 */
public record PgPath(List<PgPoint> points, boolean closed) {

  /**
   * Copies the points.
   *
   * @throws dev.tusk.errors.DataError if there are no points, which the server refuses
   */
  public PgPath {
    points = GeometryChecks.points(points, "path");
  }
}
