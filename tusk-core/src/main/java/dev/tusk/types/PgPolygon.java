package dev.tusk.types;

import java.util.List;

/**
 * A PostgreSQL {@code polygon}: a closed shape through the given points.
 *
 * @param points the vertices, at least one, as an unmodifiable list
 */
public record PgPolygon(List<PgPoint> points) {

  /**
   * Copies the points.
   *
   * @throws dev.tusk.errors.DataError if there are no points, which the server refuses
   */
  public PgPolygon {
    points = GeometryChecks.points(points, "polygon");
  }
}
