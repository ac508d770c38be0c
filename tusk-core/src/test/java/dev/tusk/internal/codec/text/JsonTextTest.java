package dev.tusk.internal.codec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

  @Test
  void readsNaturalValues() {
    Object value =
        JsonText.parse(
            " {\"a\": [1, -2.50, 3e2, true, false, null], \"b\": {\"c\": \"d\\u00e9\\n\\\"\"},"
                + " \"big\": 12345678901234567890, \"long\": 4000000000} ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put(
        "a", Arrays.asList(1, new BigDecimal("-2.50"), new BigDecimal("3e2"), true, false, null));
    expected.put("b", Map.of("c", "d\u00e9\n\""));
    expected.put("big", new BigInteger("12345678901234567890"));
    expected.put("long", 4_000_000_000L);
    assertEquals(expected, value);
    assertEquals(List.of("a", "b", "big", "long"), List.copyOf(((Map<?, ?>) value).keySet()));
    assertEquals("x", JsonText.parse("\"x\""));
    assertEquals(null, JsonText.parse("null"));
    assertEquals(Map.of("k", 2), JsonText.parse("{\"k\": 1, \"k\": 2}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "tru",
        "nul",
        "[1] 2",
        "\"a\tb\"",
        "\"\\x\"",
        "\"\\u12\"",
        "{a: 1}",
        "'a'",
        "NaN",
        "[1 2]",
        "\"open"
      })
  void refusesTextOutsideTheGrammarWithADataErrorNamingTheOffset(String text) {
    DataError error = assertThrows(DataError.class, () -> JsonText.parse(text));
    assertTrue(error.getMessage().startsWith("invalid JSON at offset "), error.getMessage());
  }

  @Test
  void refusesNestingBeyondTheLimit() {
    String deep = "[".repeat(JsonText.MAX_DEPTH + 1) + "]".repeat(JsonText.MAX_DEPTH + 1);
    DataError error = assertThrows(DataError.class, () -> JsonText.parse(deep));
    assertTrue(error.getMessage().contains("nesting"), error.getMessage());
    String deepest = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
    assertTrue(JsonText.parse(deepest) instanceof List<?>);
  }

  /** On a thread whose stack cannot hold the recursion, a deep value is refused, never a crash. */
  @Test
  void aStackTooSmallForTheNestingIsADataErrorNotACrash() throws InterruptedException {
    String deepest = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                JsonText.parse(deepest);
              } catch (Throwable e) {
                outcome.set(e);
              }
            },
            "small-stack",
            16 * 1024);
    small.start();
    small.join();
    Throwable failure = outcome.get();
    assertTrue(failure == null || failure instanceof DataError, String.valueOf(failure));
  }

  @Test
  void writesAsJsonbPrints() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", Arrays.asList(1, 2.5, null, true));
    value.put("s", "q\"\\\n\u0001\u00e9");
    value.put("n", Map.of());
    value.put("j", Json.of("{\"x\": 1}"));
    value.put("arr", new Object[] {7L, new BigDecimal("1.50")});
    assertEquals(
        "{\"a\": [1, 2.5, null, true], \"s\": \"q\\\"\\\\\\n\\u0001\u00e9\", \"n\": {},"
            + " \"j\": {\"x\": 1}, \"arr\": [7, 1.50]}",
        JsonText.write(value));
    assertEquals(value.get("s"), JsonText.parse(JsonText.write(value.get("s"))));
  }

  @Test
  void writingRefusesWhatJsonCannotHold() {
    assertThrows(DataError.class, () -> JsonText.write(List.of(Double.NaN)));
    ProgrammingError key =
        assertThrows(ProgrammingError.class, () -> JsonText.write(Map.of(1, "one")));
    assertTrue(key.getMessage().contains("String keys"), key.getMessage());
    ProgrammingError type =
        assertThrows(ProgrammingError.class, () -> JsonText.write(List.of(new Object())));
    assertTrue(type.getMessage().contains("JsonMapper"), type.getMessage());
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThrows(DataError.class, () -> JsonText.write(cycle));
  }
}
