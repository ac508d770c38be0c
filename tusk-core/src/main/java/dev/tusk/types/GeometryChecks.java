package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.List;

/** The checks the geometric records share. */
final class GeometryChecks {

  private GeometryChecks() {}

  static void require(PgPoint point, String role) {
    if (point == null) {
      throw new DataError("the " + role + " point is missing");
    }
  }

  /** An unmodifiable copy of at least one point: path_in and poly_in refuse none. */
  static List<PgPoint> points(List<PgPoint> points, String typeName) {
    if (points == null || points.isEmpty()) {
      throw new DataError("a " + typeName + " needs at least one point");
    }
    for (PgPoint point : points) {
      if (point == null) {
        throw new DataError("a " + typeName + " cannot have a null point");
      }
    }
    return List.copyOf(points);
  }
}
