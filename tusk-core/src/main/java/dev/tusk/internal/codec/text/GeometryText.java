package dev.tusk.internal.codec.text;

import dev.tusk.errors.DataError;
import dev.tusk.types.PgPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text forms of the geometric types: coordinates as float8 text (shortest exact, {@code NaN},
 * {@code Infinity}), points as {@code (x,y)}, and the punctuation of each type around them.
 * Whitespace between tokens is skipped, as the server's input functions do.
 */
public final class GeometryText {

  private final byte[] bytes;
  private final int start;
  private final int end;
  private final String typeName;
  private int position;

  private GeometryText(byte[] bytes, int offset, int length, String typeName) {
    this.bytes = bytes;
    this.start = offset;
    this.position = offset;
    this.end = offset + length;
    this.typeName = typeName;
  }

  /** Parses the whole value with {@code body}, which reads it from the returned parser. */
  public static <T> T parse(
      byte[] bytes, int offset, int length, String typeName, Function<GeometryText, T> body) {
    GeometryText text = new GeometryText(bytes, offset, length, typeName);
    T value = body.apply(text);
    text.skipWhitespace();
    if (text.position != text.end) {
      throw text.error();
    }
    return value;
  }

  /** Appends {@code (x,y)}. */
  public static StringBuilder appendPoint(StringBuilder text, PgPoint point) {
    return text.append('(')
        .append(FloatText.render(point.x()))
        .append(',')
        .append(FloatText.render(point.y()))
        .append(')');
  }

  /** Appends points separated by commas. */
  public static StringBuilder appendPoints(StringBuilder text, List<PgPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      appendPoint(text, points.get(i));
    }
    return text;
  }

  /** Consumes {@code c} after any whitespace, or fails. */
  public void expect(char c) {
    if (!consume(c)) {
      throw error();
    }
  }

  /** Consumes {@code c} after any whitespace if it is next. */
  public boolean consume(char c) {
    skipWhitespace();
    if (position < end && bytes[position] == c) {
      position++;
      return true;
    }
    return false;
  }

  /** Whether {@code c} is next after any whitespace, without consuming it. */
  boolean peek(char c) {
    skipWhitespace();
    return position < end && bytes[position] == c;
  }

  /** A float8 in its text form. */
  public double number() {
    skipWhitespace();
    int first = position;
    while (position < end && ",()[]{}<> \t\n\r".indexOf(bytes[position]) < 0) {
      position++;
    }
    if (position == first) {
      throw error();
    }
    try {
      return Double.parseDouble(
          new String(bytes, first, position - first, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      throw error();
    }
  }

  /** {@code (x,y)}. */
  public PgPoint point() {
    expect('(');
    double x = number();
    expect(',');
    double y = number();
    expect(')');
    return new PgPoint(x, y);
  }

  /** One or more points separated by commas. */
  public List<PgPoint> points() {
    List<PgPoint> points = new ArrayList<>();
    do {
      points.add(point());
    } while (consume(','));
    return points;
  }

  /** A DataError quoting the whole value. */
  DataError error() {
    return DecodeErrors.badText(typeName, bytes, start, end - start);
  }

  private void skipWhitespace() {
    while (position < end && Character.isWhitespace(bytes[position])) {
      position++;
    }
  }
}
