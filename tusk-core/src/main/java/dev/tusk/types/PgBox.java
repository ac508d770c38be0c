package dev.tusk.types;

/**
 * A PostgreSQL {@code box}: a rectangle given by its upper right and lower left corners. As the
 * server does, the constructor swaps coordinates so that {@code high} holds the larger x and the
 * larger y; any two opposite corners may be passed.
 *
 * @param high the upper right corner
 * @param low the lower left corner
 */
public record PgBox(PgPoint high, PgPoint low) {

  /** Orders the corners as the server does: a NaN coordinate is left where it is. */
  public PgBox {
    GeometryChecks.require(high, "high");
    GeometryChecks.require(low, "low");
    double highX = high.x();
    double lowX = low.x();
    if (highX < lowX) {
      highX = lowX;
      lowX = high.x();
    }
    double highY = high.y();
    double lowY = low.y();
    if (highY < lowY) {
      highY = lowY;
      lowY = high.y();
    }
    high = new PgPoint(highX, highY);
    low = new PgPoint(lowX, lowY);
  }
}
