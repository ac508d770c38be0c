package dev.tusk.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.convert.ParameterValues;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.types.Json;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Oids;
import dev.tusk.types.Param;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Param, Json and the JSON mapper SPI, with a hand-written toy mapper. */
class ParamAndJsonTest {

  /** Writes and reads Maps of one String entry only: {"key": "value"}. */
  private static final class ToyMapper implements JsonMapper {
    @Override
    public String write(Object value) {
      Map.Entry<?, ?> entry = ((Map<?, ?>) value).entrySet().iterator().next();
      return "{\"" + entry.getKey() + "\": \"" + entry.getValue() + "\"}";
    }

    @Override
    public <T> T read(String json, Class<T> type) {
      String[] parts = json.replaceAll("[{}\" ]", "").split(":");
      return type.cast(new Entry(parts[0], parts[1]));
    }
  }

  /** What the toy mapper reads. */
  record Entry(String key, String value) {}

  private static String written(ParameterEncoder encoder, Object value) {
    WriteBuffer out = new WriteBuffer();
    encoder.write(value, out);
    byte[] bytes = out.toByteArray();
    return new String(bytes, 4, bytes.length - 4, StandardCharsets.UTF_8);
  }

  @Test
  void aParamNeedsExactlyOneOfNameAndOid() {
    assertThrows(ProgrammingError.class, () -> new Param(1, "int4", Oids.INT4));
    assertThrows(ProgrammingError.class, () -> new Param(1, null, 0));
    assertThrows(ProgrammingError.class, () -> Param.of(1, " "));
    assertEquals(new Param(null, "mood", 0), Param.of(null, "mood"));
  }

  @Test
  void paramsAreSentAsTheirStatedType() {
    TypeScope scope = TypeScope.builtins();
    ParameterEncoder jsonb = scope.encoderFor(Param.of("{}", "jsonb"));
    assertEquals(Oids.JSONB, jsonb.oid());
    assertEquals("\u0001{}", written(jsonb, Param.of("{}", "jsonb")));
    ParameterEncoder typedNull = scope.encoderFor(Param.of(null, Oids.INT8));
    WriteBuffer out = new WriteBuffer();
    typedNull.write(Param.of(null, Oids.INT8), out);
    assertEquals(-1, out.toByteArray()[0]);
    assertEquals(Oids.INT8, typedNull.oid());
    ProgrammingError wrongJava =
        assertThrows(
            ProgrammingError.class,
            () -> written(scope.encoderFor(Param.of("x", "int4")), Param.of("x", "int4")));
    assertTrue(wrongJava.getMessage().contains("java.lang.String as int4"), wrongJava.getMessage());
  }

  @Test
  void enumConstantsAndJsonGoAsTextOfTextLikeTypes() {
    Param state = Param.of(Thread.State.NEW, "text");
    assertEquals("NEW", written(TypeScope.builtins().encoderFor(state), state));
    assertEquals(
        "\u0001[1]", written(TypeScope.builtins().encoderFor(Json.of("[1]")), Json.of("[1]")));
    assertEquals(
        List.of("a", "NEW"),
        ParameterValues.convert(
            Arrays.asList("a", Thread.State.NEW),
            TypeScope.builtins().codec(Oids.TEXT_ARRAY),
            null));
  }

  @Test
  void mappedJsonUsesTheScopesMapper() {
    TypeScope scope = TypeScope.builtins().copy();
    Param param = Param.json(Map.of("a", "b"));
    assertEquals("\u0001{\"a\": \"b\"}", written(scope.encoderFor(param), param));
    Param unknown = Param.json(new Entry("k", "v"));
    ProgrammingError none =
        assertThrows(ProgrammingError.class, () -> written(scope.encoderFor(unknown), unknown));
    assertTrue(none.getMessage().contains("JsonMapper"));
    scope.jsonMapper(new ToyMapper());
    assertEquals("\u0001{\"a\": \"b\"}", written(scope.encoderFor(param), param));
    byte[] json = "{\"k\": \"v\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        new Entry("k", "v"),
        scope.registry().decode(Oids.JSONB, 0, json, 0, json.length, Entry.class));
    assertEquals(
        Json.of("{\"k\": \"v\"}"),
        scope.registry().decode(Oids.JSON, 0, json, 0, json.length, Json.class));
  }

  @Test
  void aFailingMapperIsADataError() {
    TypeScope scope = TypeScope.builtins().copy();
    scope.jsonMapper(new ToyMapper());
    byte[] json = "[]".getBytes(StandardCharsets.UTF_8);
    DataError error =
        assertThrows(
            DataError.class,
            () -> scope.registry().decode(Oids.JSONB, 0, json, 0, json.length, Entry.class));
    assertTrue(error.getMessage().contains("JsonMapper"), error.getMessage());
  }
}
