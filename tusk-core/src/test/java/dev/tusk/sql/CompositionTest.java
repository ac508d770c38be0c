package dev.tusk.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.CharacterNotInRepertoire;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Json;
import dev.tusk.types.Param;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompositionTest {

  private static final SqlContext CONTEXT = SqlContext.of(Tusk.types());

  @Test
  void formatFillsAutomaticNumberedAndNamedGaps() {
    assertEquals(
        "SELECT \"a\", \"b\" FROM \"s\".\"t\" WHERE x = 'v'",
        SQL.of("SELECT {}, {} FROM {} WHERE x = {}")
            .format(Identifier.of("a"), Identifier.of("b"), Identifier.of("s", "t"), "v")
            .asString(CONTEXT));
    assertEquals(
        "\"b\" \"a\" \"b\"",
        SQL.of("{1} {0} {1}").format(Identifier.of("a"), Identifier.of("b")).asString(CONTEXT));
    assertEquals(
        "INSERT INTO \"t\" VALUES ($1) -- {x}",
        SQL.of("INSERT INTO {table} VALUES ({value}) -- {{x}}")
            .format(Map.of("table", Identifier.of("t"), "value", Placeholder.of(1)))
            .asString(CONTEXT));
  }

  @Test
  void malformedTemplatesAreRejected() {
    assertThrows(ProgrammingError.class, () -> SQL.of("{} {0}").format(1, 2));
    assertThrows(ProgrammingError.class, () -> SQL.of("{0} {}").format(1, 2));
    assertThrows(ProgrammingError.class, () -> SQL.of("{} {}").format(1));
    assertThrows(ProgrammingError.class, () -> SQL.of("{").format());
    assertThrows(ProgrammingError.class, () -> SQL.of("}").format());
    assertThrows(ProgrammingError.class, () -> SQL.of("{name}").format(1));
  }

  @Test
  void joinPutsTheSeparatorBetweenPieces() {
    List<Composable> columns = List.of(Identifier.of("a"), Identifier.of("b"), Identifier.of("c"));
    assertEquals("\"a\", \"b\", \"c\"", SQL.of(", ").join(columns).asString(CONTEXT));
    assertEquals("1 AND 2", SQL.of(" AND ").join(1, 2).asString(CONTEXT));
    assertEquals("\"a\"|\"b\"|\"c\"", new Composed(columns).join("|").asString(CONTEXT));
    assertEquals("", SQL.of(", ").join(List.of()).asString(CONTEXT));
  }

  @Test
  void placeholdersRenderForTheParser() {
    assertEquals("$3", Placeholder.of(3).asString(CONTEXT));
    assertEquals(" :name", Placeholder.of("name").asString(CONTEXT));
    assertThrows(ProgrammingError.class, () -> Placeholder.of(0));
    assertThrows(ProgrammingError.class, () -> Placeholder.of("a-b"));
  }

  @Test
  void literalsRenderByType() {
    assertEquals("NULL", Literal.of(null).asString(CONTEXT));
    assertEquals("true", Literal.of(true).asString(CONTEXT));
    assertEquals("42", Literal.of(42).asString(CONTEXT));
    assertEquals(" -42", Literal.of(-42L).asString(CONTEXT));
    assertEquals("1.25", Literal.of(new BigDecimal("1.25")).asString(CONTEXT));
    assertEquals("'NaN'::float8", Literal.of(Double.NaN).asString(CONTEXT));
    assertEquals("'2025-01-31'::date", Literal.of(LocalDate.of(2025, 1, 31)).asString(CONTEXT));
    assertEquals(
        "'2025-01-31 10:00:00+00'::timestamptz",
        Literal.of(OffsetDateTime.of(2025, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC)).asString(CONTEXT));
    UUID uuid = UUID.randomUUID();
    assertEquals("'" + uuid + "'::uuid", Literal.of(uuid).asString(CONTEXT));
    assertEquals(" E'\\\\x01ff'::bytea", Literal.of(new byte[] {1, -1}).asString(CONTEXT));
    assertEquals("'{\"a\": 1}'::jsonb", Literal.of(Json.of("{\"a\": 1}")).asString(CONTEXT));
    assertEquals("'7'::int8", Literal.of(Param.of(7L, "int8")).asString(CONTEXT));
    assertEquals("NULL::text", Literal.of(Param.of(null, "text")).asString(CONTEXT));
    assertEquals("ARRAY[1, -2,NULL]", Literal.of(Arrays.asList(1, -2, null)).asString(CONTEXT));
    assertEquals("ARRAY['a','b''c']", Literal.of(new String[] {"a", "b'c"}).asString(CONTEXT));
    assertEquals("ARRAY[1,2]", Literal.of(new int[] {1, 2}).asString(CONTEXT));
    assertEquals("'{}'", Literal.of(List.of()).asString(CONTEXT));
  }

  @Test
  void unsupportedValuesAndBadTypeNamesAreRejected() {
    ProgrammingError e =
        assertThrows(ProgrammingError.class, () -> Literal.of(new Object()).asString(CONTEXT));
    assertTrue(e.getMessage().contains("Param.of"), e.getMessage());
    assertThrows(
        ProgrammingError.class, () -> Literal.of(Param.of("1", "int4; DROP")).asString(CONTEXT));
    assertThrows(ProgrammingError.class, () -> Literal.of(Param.of(1, "int8")).asString(CONTEXT));
  }

  @Test
  void namesAndTextAreCheckedWhenMade() {
    assertThrows(CharacterNotInRepertoire.class, () -> Identifier.of("a", "b\0"));
    assertThrows(CharacterNotInRepertoire.class, () -> SQL.of("SELECT \uD800"));
    assertThrows(ProgrammingError.class, () -> Identifier.of());
  }

  @Test
  void concatAndEqualityAreByValue() {
    Composable query = SQL.of("SELECT ").concat(Identifier.of("x"));
    assertEquals("SELECT \"x\"", query.asString(CONTEXT));
    assertEquals(Identifier.of("a", "b"), Identifier.of("a", "b"));
  }
}
