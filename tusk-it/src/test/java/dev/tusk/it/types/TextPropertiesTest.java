package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static dev.tusk.it.types.ServerText.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Arbitrary strings (any Unicode scalar value but NUL, emoji included), byte arrays, UUIDs and
 * arrays with NULLs sent as parameters: they come back equal in both result formats, and the server
 * sees and prints exactly what a literal of the same value gives.
 */
class TextPropertiesTest {

  private Connection conn;

  @BeforeProperty
  void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
  }

  @AfterProperty
  void close() {
    conn.close();
  }

  @Property(tries = 200)
  void textRoundTripsWithItsCharactersAndBytes(@ForAll("strings") String value) {
    forEachFormat(
        conn,
        "SELECT $1::text, length($1::text), octet_length($1::text), $1::varchar",
        args(value),
        (format, row) -> {
          assertEquals(value, row.get(0), format::name);
          assertEquals(value.codePointCount(0, value.length()), row.getInt(1), format::name);
          assertEquals(value.getBytes(StandardCharsets.UTF_8).length, row.getInt(2), format::name);
          assertEquals(value, row.get(3), format::name);
        });
  }

  @Property(tries = 150)
  void textArrayWithNullsRoundTrips(@ForAll("stringLists") List<String> value) {
    String literal =
        value.stream()
            .map(item -> item == null ? "NULL" : quoted(item))
            .collect(Collectors.joining(",", "{", "}"));
    assertRoundTrip(conn, "text[]", value, literal, value);
  }

  @Property(tries = 150)
  void int4ArrayWithNullsRoundTrips(
      @ForAll("intLists") List<Integer> value, @ForAll boolean asJavaArray) {
    String literal = value.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    Object sent = asJavaArray ? value.toArray(new Integer[0]) : value;
    assertRoundTrip(conn, "int4[]", sent, literal.replace("null", "NULL"), value);
  }

  @Property(tries = 150)
  void byteaRoundTrips(@ForAll byte[] value) {
    assertRoundTrip(conn, "bytea", value, "\\x" + HexFormat.of().formatHex(value), value);
  }

  @Property(tries = 150)
  void uuidRoundTrips(@ForAll long high, @ForAll long low) {
    UUID value = new UUID(high, low);
    assertRoundTrip(conn, "uuid", value, value.toString(), value);
  }

  /** Code points from ASCII (array syntax included), the rest of the BMP, and beyond (emoji). */
  @Provide
  Arbitrary<String> strings() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(1, 0x7F)),
            Tuple.of(3, Arbitraries.integers().between(0x80, 0xFFFF)),
            Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    Arbitrary<String> generated =
        codePoints
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .list()
            .ofMaxSize(40)
            .map(list -> list.stream().map(Character::toString).collect(Collectors.joining()));
    return Arbitraries.oneOf(
        generated, Arbitraries.of("", " ", "NULL", "null", "\"", "\\", "{}", "a,b", "\t\n"));
  }

  @Provide
  Arbitrary<List<String>> stringLists() {
    return strings().injectNull(0.2).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Integer>> intLists() {
    return Arbitraries.integers().injectNull(0.2).list().ofMaxSize(10);
  }

  /** An array_in element: always quoted, with {@code "} and {@code \} escaped. */
  private static String quoted(String item) {
    return '"' + item.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
