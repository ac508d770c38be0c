package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.FloatText;
import dev.tusk.internal.codec.text.GeometryText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgBox;
import dev.tusk.types.PgCircle;
import dev.tusk.types.PgLine;
import dev.tusk.types.PgLineSegment;
import dev.tusk.types.PgPath;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgPolygon;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometric types. In binary every coordinate is a float8 (IEEE 754 bits, big-endian); paths
 * and polygons carry a point count first, paths a closed flag before it. Text forms are as the
 * server prints them: point {@code (x,y)}, line {@code {A,B,C}}, lseg {@code [(x1,y1),(x2,y2)]},
 * box {@code (x1,y1),(x2,y2)}, path {@code [...]} open or {@code (...)} closed, polygon {@code
 * ((x1,y1),...)}, circle {@code <(x,y),r>}; see {@link GeometryText}.
 */
public final class GeometricCodecs {

  public static final Codec<PgPoint> POINT = new PointCodec();
  public static final Codec<PgLine> LINE = new LineCodec();
  public static final Codec<PgLineSegment> LSEG = new LineSegmentCodec();
  public static final Codec<PgBox> BOX = new BoxCodec();
  public static final Codec<PgPath> PATH = new PathCodec();
  public static final Codec<PgPolygon> POLYGON = new PolygonCodec();
  public static final Codec<PgCircle> CIRCLE = new CircleCodec();

  private GeometricCodecs() {}

  private static double float8(byte[] bytes, int at) {
    return Double.longBitsToDouble(BigEndian.int64(bytes, at));
  }

  private static PgPoint point(byte[] bytes, int at) {
    return new PgPoint(float8(bytes, at), float8(bytes, at + 8));
  }

  private static void write(BinaryOutput out, double value) {
    out.writeInt64(Double.doubleToRawLongBits(value));
  }

  private static void write(BinaryOutput out, PgPoint point) {
    write(out, point.x());
    write(out, point.y());
  }

  /** {@code count} points from {@code at}, after checking they fill the rest of the value. */
  private static List<PgPoint> points(byte[] bytes, int at, int end, int count, String typeName) {
    if (count <= 0 || (long) count * 16 != end - at) {
      throw DecodeErrors.badBinary(typeName, count + " points in " + (end - at) + " bytes");
    }
    List<PgPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(point(bytes, at + 16 * i));
    }
    return points;
  }

  private static final class PointCodec extends BaseCodec<PgPoint> {

    PointCodec() {
      super(Oids.POINT, "point", PgPoint.class);
    }

    @Override
    public PgPoint decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(bytes, offset, length, "point", GeometryText::point);
    }

    @Override
    public PgPoint decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("point", 16, length);
      return point(bytes, offset);
    }

    @Override
    public void encodeBinary(PgPoint value, BinaryOutput out) {
      write(out, value);
    }

    @Override
    public String encodeText(PgPoint value) {
      return GeometryText.appendPoint(new StringBuilder(), value).toString();
    }
  }

  private static final class LineCodec extends BaseCodec<PgLine> {

    LineCodec() {
      super(Oids.LINE, "line", PgLine.class);
    }

    @Override
    public PgLine decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "line",
          text -> {
            text.expect('{');
            double a = text.number();
            text.expect(',');
            double b = text.number();
            text.expect(',');
            double c = text.number();
            text.expect('}');
            return new PgLine(a, b, c);
          });
    }

    @Override
    public PgLine decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("line", 24, length);
      return new PgLine(
          float8(bytes, offset), float8(bytes, offset + 8), float8(bytes, offset + 16));
    }

    @Override
    public void encodeBinary(PgLine value, BinaryOutput out) {
      write(out, value.a());
      write(out, value.b());
      write(out, value.c());
    }

    @Override
    public String encodeText(PgLine value) {
      return "{"
          + FloatText.render(value.a())
          + ","
          + FloatText.render(value.b())
          + ","
          + FloatText.render(value.c())
          + "}";
    }
  }

  private static final class LineSegmentCodec extends BaseCodec<PgLineSegment> {

    LineSegmentCodec() {
      super(Oids.LSEG, "lseg", PgLineSegment.class);
    }

    @Override
    public PgLineSegment decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "lseg",
          text -> {
            text.expect('[');
            PgPoint start = text.point();
            text.expect(',');
            PgPoint end = text.point();
            text.expect(']');
            return new PgLineSegment(start, end);
          });
    }

    @Override
    public PgLineSegment decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("lseg", 32, length);
      return new PgLineSegment(point(bytes, offset), point(bytes, offset + 16));
    }

    @Override
    public void encodeBinary(PgLineSegment value, BinaryOutput out) {
      write(out, value.start());
      write(out, value.end());
    }

    @Override
    public String encodeText(PgLineSegment value) {
      return GeometryText.appendPoints(new StringBuilder("["), List.of(value.start(), value.end()))
          .append(']')
          .toString();
    }
  }

  private static final class BoxCodec extends BaseCodec<PgBox> {

    BoxCodec() {
      super(Oids.BOX, "box", PgBox.class);
    }

    @Override
    public PgBox decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "box",
          text -> {
            PgPoint high = text.point();
            text.expect(',');
            return new PgBox(high, text.point());
          });
    }

    @Override
    public PgBox decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("box", 32, length);
      return new PgBox(point(bytes, offset), point(bytes, offset + 16));
    }

    @Override
    public void encodeBinary(PgBox value, BinaryOutput out) {
      write(out, value.high());
      write(out, value.low());
    }

    @Override
    public String encodeText(PgBox value) {
      return GeometryText.appendPoints(new StringBuilder(), List.of(value.high(), value.low()))
          .toString();
    }
  }

  private static final class PathCodec extends BaseCodec<PgPath> {

    PathCodec() {
      super(Oids.PATH, "path", PgPath.class);
    }

    @Override
    public PgPath decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "path",
          text -> {
            boolean open = text.consume('[');
            if (!open) {
              text.expect('(');
            }
            List<PgPoint> points = text.points();
            text.expect(open ? ']' : ')');
            return new PgPath(points, !open);
          });
    }

    @Override
    public PgPath decodeBinary(byte[] bytes, int offset, int length) {
      if (length < 5 || (bytes[offset] & ~1) != 0) {
        throw DecodeErrors.badBinary("path", "truncated or bad closed flag");
      }
      int count = BigEndian.int32(bytes, offset + 1);
      return new PgPath(
          points(bytes, offset + 5, offset + length, count, "path"), bytes[offset] == 1);
    }

    @Override
    public void encodeBinary(PgPath value, BinaryOutput out) {
      out.writeByte(value.closed() ? 1 : 0).writeInt32(value.points().size());
      value.points().forEach(point -> write(out, point));
    }

    @Override
    public String encodeText(PgPath value) {
      return GeometryText.appendPoints(
              new StringBuilder(value.closed() ? "(" : "["), value.points())
          .append(value.closed() ? ')' : ']')
          .toString();
    }
  }

  private static final class PolygonCodec extends BaseCodec<PgPolygon> {

    PolygonCodec() {
      super(Oids.POLYGON, "polygon", PgPolygon.class);
    }

    @Override
    public PgPolygon decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "polygon",
          text -> {
            text.expect('(');
            List<PgPoint> points = text.points();
            text.expect(')');
            return new PgPolygon(points);
          });
    }

    @Override
    public PgPolygon decodeBinary(byte[] bytes, int offset, int length) {
      if (length < 4) {
        throw DecodeErrors.badBinary("polygon", "truncated");
      }
      int count = BigEndian.int32(bytes, offset);
      return new PgPolygon(points(bytes, offset + 4, offset + length, count, "polygon"));
    }

    @Override
    public void encodeBinary(PgPolygon value, BinaryOutput out) {
      out.writeInt32(value.points().size());
      value.points().forEach(point -> write(out, point));
    }

    @Override
    public String encodeText(PgPolygon value) {
      return GeometryText.appendPoints(new StringBuilder("("), value.points())
          .append(')')
          .toString();
    }
  }

  private static final class CircleCodec extends BaseCodec<PgCircle> {

    CircleCodec() {
      super(Oids.CIRCLE, "circle", PgCircle.class);
    }

    @Override
    public PgCircle decodeText(byte[] bytes, int offset, int length) {
      return GeometryText.parse(
          bytes,
          offset,
          length,
          "circle",
          text -> {
            text.expect('<');
            PgPoint center = text.point();
            text.expect(',');
            double radius = text.number();
            text.expect('>');
            return new PgCircle(center, radius);
          });
    }

    @Override
    public PgCircle decodeBinary(byte[] bytes, int offset, int length) {
      DecodeErrors.requireLength("circle", 24, length);
      return new PgCircle(point(bytes, offset), float8(bytes, offset + 16));
    }

    @Override
    public void encodeBinary(PgCircle value, BinaryOutput out) {
      write(out, value.center());
      write(out, value.radius());
    }

    @Override
    public String encodeText(PgCircle value) {
      return GeometryText.appendPoint(new StringBuilder("<"), value.center())
          .append(',')
          .append(FloatText.render(value.radius()))
          .append('>')
          .toString();
    }
  }
}
