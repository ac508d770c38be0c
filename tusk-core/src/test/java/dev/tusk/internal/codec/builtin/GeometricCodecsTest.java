package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.binaryRoundTrip;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static dev.tusk.internal.codec.builtin.Wire.textRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.types.PgBox;
import dev.tusk.types.PgCircle;
import dev.tusk.types.PgLine;
import dev.tusk.types.PgLineSegment;
import dev.tusk.types.PgPath;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgPolygon;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeometricCodecsTest {

  private static final String ONE = "3ff0000000000000";
  private static final String TWO = "4000000000000000";
  private static final String THREE = "4008000000000000";
  private static final String FOUR = "4010000000000000";
  private static final PgPoint P12 = new PgPoint(1, 2);
  private static final PgPoint P34 = new PgPoint(3, 4);

  @Test
  void binaryIsFloat8Coordinates() {
    assertEquals(ONE + TWO, hex(binary(GeometricCodecs.POINT, P12)));
    assertEquals(P12, decodeBinary(GeometricCodecs.POINT, hex(ONE + TWO)));
    assertEquals(ONE + TWO + THREE, hex(binary(GeometricCodecs.LINE, new PgLine(1, 2, 3))));
    assertEquals(
        ONE + TWO + THREE + FOUR, hex(binary(GeometricCodecs.LSEG, new PgLineSegment(P12, P34))));
    // box_send writes the upper right corner first.
    assertEquals(THREE + FOUR + ONE + TWO, hex(binary(GeometricCodecs.BOX, new PgBox(P12, P34))));
    assertEquals(ONE + TWO + THREE, hex(binary(GeometricCodecs.CIRCLE, new PgCircle(P12, 3))));
  }

  @Test
  void pathHasAClosedFlagAndAPointCount() {
    PgPath open = new PgPath(List.of(P12, P34), false);
    assertEquals(
        "00" + "00000002" + ONE + TWO + THREE + FOUR, hex(binary(GeometricCodecs.PATH, open)));
    PgPath closed = new PgPath(List.of(P12), true);
    assertEquals("01" + "00000001" + ONE + TWO, hex(binary(GeometricCodecs.PATH, closed)));
    assertEquals(closed, decodeBinary(GeometricCodecs.PATH, hex("0100000001" + ONE + TWO)));
    PgPolygon polygon = new PgPolygon(List.of(P12, P34));
    assertEquals(
        "00000002" + ONE + TWO + THREE + FOUR, hex(binary(GeometricCodecs.POLYGON, polygon)));
    assertEquals(
        polygon, decodeBinary(GeometricCodecs.POLYGON, hex("00000002" + ONE + TWO + THREE + FOUR)));
  }

  @Test
  void textIsTheServersForm() {
    assertEquals("(1,2)", GeometricCodecs.POINT.encodeText(P12));
    assertEquals(
        "(NaN,-Infinity)",
        GeometricCodecs.POINT.encodeText(new PgPoint(Double.NaN, Double.NEGATIVE_INFINITY)));
    assertEquals("(-0,1e+300)", GeometricCodecs.POINT.encodeText(new PgPoint(-0.0, 1e300)));
    assertEquals("{1,-1,0.5}", GeometricCodecs.LINE.encodeText(new PgLine(1, -1, 0.5)));
    assertEquals("[(1,2),(3,4)]", GeometricCodecs.LSEG.encodeText(new PgLineSegment(P12, P34)));
    assertEquals("(3,4),(1,2)", GeometricCodecs.BOX.encodeText(new PgBox(P12, P34)));
    assertEquals(
        "[(1,2),(3,4)]", GeometricCodecs.PATH.encodeText(new PgPath(List.of(P12, P34), false)));
    assertEquals("((1,2))", GeometricCodecs.PATH.encodeText(new PgPath(List.of(P12), true)));
    assertEquals(
        "((1,2),(3,4))", GeometricCodecs.POLYGON.encodeText(new PgPolygon(List.of(P12, P34))));
    assertEquals("<(1,2),0.25>", GeometricCodecs.CIRCLE.encodeText(new PgCircle(P12, 0.25)));
  }

  @Test
  void textParsesWithWhitespace() {
    assertEquals(P12, decodeText(GeometricCodecs.POINT, " ( 1 , 2 ) "));
    assertEquals(new PgBox(P34, P12), decodeText(GeometricCodecs.BOX, "(1,2), (3,4)"));
    assertEquals(
        new PgPath(List.of(P12, P34), true), decodeText(GeometricCodecs.PATH, "( (1,2) ,(3,4) )"));
    assertEquals(new PgCircle(P12, 3), decodeText(GeometricCodecs.CIRCLE, "< (1,2) , 3 >"));
  }

  @Test
  void boxOrdersItsCornersAsTheServerDoes() {
    PgBox box = new PgBox(new PgPoint(-1, 5), new PgPoint(2, -3));
    assertEquals(new PgPoint(2, 5), box.high());
    assertEquals(new PgPoint(-1, -3), box.low());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "(1,2", "(1;2)", "(1,2)x", "(a,2)", "1,2"})
  void malformedPointTextIsADataError(String text) {
    assertThrows(DataError.class, () -> decodeText(GeometricCodecs.POINT, text));
  }

  @Test
  void pathsAndPolygonsNeedPoints() {
    assertThrows(DataError.class, () -> new PgPath(List.of(), false));
    assertThrows(DataError.class, () -> new PgPolygon(List.of()));
    assertThrows(DataError.class, () -> decodeText(GeometricCodecs.PATH, "[]"));
    assertThrows(DataError.class, () -> decodeBinary(GeometricCodecs.PATH, hex("0000000000")));
    assertThrows(
        DataError.class, () -> decodeBinary(GeometricCodecs.POLYGON, hex("00000002" + ONE + TWO)));
    assertThrows(
        DataError.class, () -> decodeBinary(GeometricCodecs.PATH, hex("0200000001" + ONE + TWO)));
    assertThrows(DataError.class, () -> decodeBinary(GeometricCodecs.POINT, hex(ONE)));
  }

  @Property(tries = 300)
  void everyShapeRoundTripsInBothFormats(
      @ForAll("points") List<PgPoint> points, @ForAll("coordinates") double radius) {
    PgPoint first = points.get(0);
    PgPoint last = points.get(points.size() - 1);
    assertEquals(first, textRoundTrip(GeometricCodecs.POINT, first));
    assertEquals(first, binaryRoundTrip(GeometricCodecs.POINT, first));
    PgLine line = new PgLine(first.x(), first.y(), radius);
    assertEquals(line, textRoundTrip(GeometricCodecs.LINE, line));
    assertEquals(line, binaryRoundTrip(GeometricCodecs.LINE, line));
    PgLineSegment segment = new PgLineSegment(first, last);
    assertEquals(segment, textRoundTrip(GeometricCodecs.LSEG, segment));
    assertEquals(segment, binaryRoundTrip(GeometricCodecs.LSEG, segment));
    PgBox box = new PgBox(first, last);
    assertEquals(box, textRoundTrip(GeometricCodecs.BOX, box));
    assertEquals(box, binaryRoundTrip(GeometricCodecs.BOX, box));
    for (boolean closed : new boolean[] {false, true}) {
      PgPath path = new PgPath(points, closed);
      assertEquals(path, textRoundTrip(GeometricCodecs.PATH, path));
      assertEquals(path, binaryRoundTrip(GeometricCodecs.PATH, path));
    }
    PgPolygon polygon = new PgPolygon(points);
    assertEquals(polygon, textRoundTrip(GeometricCodecs.POLYGON, polygon));
    assertEquals(polygon, binaryRoundTrip(GeometricCodecs.POLYGON, polygon));
    PgCircle circle = new PgCircle(first, radius);
    assertEquals(circle, textRoundTrip(GeometricCodecs.CIRCLE, circle));
    assertEquals(circle, binaryRoundTrip(GeometricCodecs.CIRCLE, circle));
  }

  @Test
  void boxArraysUseSemicolons() {
    ArrayCodec array = (ArrayCodec) CodecRegistry.defaults().forOid(dev.tusk.types.Oids.BOX_ARRAY);
    List<PgBox> boxes = List.of(new PgBox(P12, P34), new PgBox(P12, P12));
    assertEquals("{(3,4),(1,2);(1,2),(1,2)}", array.encodeText(boxes));
    assertEquals(boxes, decodeText(array, "{(3,4),(1,2);(1,2),(1,2)}"));
  }

  @Provide
  Arbitrary<List<PgPoint>> points() {
    return coordinates()
        .list()
        .ofSize(2)
        .map(xy -> new PgPoint(xy.get(0), xy.get(1)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  @Provide
  Arbitrary<Double> coordinates() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE));
  }
}
