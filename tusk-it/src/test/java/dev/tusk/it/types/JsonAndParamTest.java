package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Json;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Oids;
import dev.tusk.types.Param;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parameters with a stated type, JSON through {@link Json} and a plugged-in {@link JsonMapper}, and
 * the typed errors of wrong Java types, unknown type names and failing codecs, after each of which
 * the connection stays usable.
 */
@TuskTest
class JsonAndParamTest {

  /** A point the toy mapper writes as {"x":1,"y":2}. */
  record Point(int x, int y) {}

  /** Maps Points only: enough to show the SPI's plumbing. */
  static final class PointMapper implements JsonMapper {
    @Override
    public String write(Object value) {
      Point point = (Point) value;
      return "{\"x\": " + point.x() + ", \"y\": " + point.y() + "}";
    }

    @Override
    public <T> T read(String json, Class<T> type) {
      String[] numbers = json.replaceAll("[^0-9,]", "").split(",");
      return type.cast(new Point(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1])));
    }
  }

  @Test
  void paramsStateTheirTypeByNameOrOid(Connection conn) {
    Row row =
        conn.execute(
                "SELECT pg_typeof($1)::text, $1 ->> 'a', pg_typeof($2)::text, pg_typeof($3)::text",
                Param.of("{\"a\": \"b\"}", "jsonb"),
                Param.of(null, Oids.INT8),
                Param.of("x", "character varying"))
            .fetchOne();
    assertEquals("jsonb", row.get(0));
    assertEquals("b", row.get(1));
    assertEquals("bigint", row.get(2));
    assertEquals("character varying", row.get(3));
  }

  @Test
  void jsonValuesAreSentAsJsonbAndReadAsJson(Connection conn) {
    Row row =
        conn.execute(
                "SELECT pg_typeof($1)::text, pg_typeof($2)::text",
                Json.of("[1]"),
                Param.of(Json.of("[2]"), "json"))
            .fetchOne();
    assertEquals("jsonb", row.get(0));
    assertEquals("json", row.get(1));
    forEachFormat(
        conn,
        "SELECT '{\"a\": 1}'::jsonb, '[true]'::json",
        args(),
        (format, read) -> {
          assertEquals(Json.of("{\"a\": 1}"), read.get(0, Json.class));
          assertEquals(Json.of("[true]"), read.get(1, Json.class));
        });
  }

  @Test
  void aJsonMapperReadsAndWritesObjects(Connection conn) {
    conn.types().jsonMapper(new PointMapper());
    Row row =
        conn.execute("SELECT $1 AS doc, pg_typeof($1)::text", Param.json(new Point(1, 2)))
            .fetchOne();
    assertEquals(new Point(1, 2), row.get("doc", Point.class));
    assertEquals("jsonb", row.get(1));
    var withoutMapper = conn.cursor();
    withoutMapper.types().jsonMapper(null);
    assertMentions(
        assertThrows(
            ProgrammingError.class,
            () -> withoutMapper.execute("SELECT $1", Param.json(new Point(1, 2)))),
        "$1",
        "JsonMapper");
    assertMentions(
        assertThrows(
            ProgrammingError.class,
            () -> withoutMapper.execute("SELECT '{}'::jsonb").fetchOne().get(0, Point.class)),
        "jsonb",
        "JsonMapper");
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void aWrongJavaTypeForAColumnNamesColumnAndTypes(Connection conn) {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> conn.execute("SELECT 1 AS n").fetchOne().get("n", UUID.class));
    assertMentions(error, "\"n\"", "int4", "java.util.UUID");
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void anUnknownTypeNameIsUndefinedObjectNamingTheParameter(Connection conn) {
    UndefinedObject error =
        assertThrows(
            UndefinedObject.class,
            () -> conn.execute("SELECT $1, $2", 1, Param.of("x", "no_such_type")));
    assertMentions(error, "$2", "no_such_type");
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  @Test
  void aCodecThatThrowsIsADataErrorNamingColumnOrParameter(Connection conn) {
    conn.types()
        .register(new FailingCodec())
        .registerParameter(StringBuilder.class, new FailingCodec());
    DataError decoding =
        assertThrows(
            DataError.class, () -> conn.execute("SELECT 'x'::text AS t").fetchOne().get(0));
    assertMentions(decoding, "\"t\"", "text", "boom");
    DataError encoding =
        assertThrows(DataError.class, () -> conn.execute("SELECT $1", new StringBuilder("y")));
    assertMentions(encoding, "$1", "java.lang.StringBuilder", "text", "boom");
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  private static void assertMentions(Exception error, String... parts) {
    for (String part : parts) {
      assertTrue(
          error.getMessage().contains(part), () -> part + " missing in: " + error.getMessage());
    }
  }

  /** A text codec whose every conversion fails with an exception of its own. */
  static final class FailingCodec implements Codec<StringBuilder> {
    @Override
    public int oid() {
      return Oids.TEXT;
    }

    @Override
    public String typeName() {
      return "text";
    }

    @Override
    public Class<StringBuilder> javaType() {
      return StringBuilder.class;
    }

    @Override
    public boolean hasBinary() {
      return true;
    }

    @Override
    public StringBuilder decodeText(byte[] bytes, int offset, int length) {
      throw new IllegalStateException(
          "boom: " + new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public StringBuilder decodeBinary(byte[] bytes, int offset, int length) {
      return decodeText(bytes, offset, length);
    }

    @Override
    public void encodeBinary(StringBuilder value, BinaryOutput out) {
      throw new IllegalStateException("boom");
    }

    @Override
    public String encodeText(StringBuilder value) {
      throw new IllegalStateException("boom");
    }
  }
}
