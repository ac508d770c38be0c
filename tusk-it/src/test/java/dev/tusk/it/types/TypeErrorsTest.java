package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Values the driver refuses, with errors that name the parameter or column and the types involved,
 * and a connection that stays usable afterwards.
 */
@TuskTest
class TypeErrorsTest {

  @Test
  void textWithNulIsADataErrorNamingTheParameter(Connection conn) {
    DataError error =
        assertFails(DataError.class, conn, () -> conn.execute("SELECT $1, $2", 1, "a\0b"));
    assertMentions(error, "$2", "NUL");
    assertMentions(
        assertFails(
            DataError.class, conn, () -> conn.execute("SELECT $1::text[]", List.of("ok", "\0"))),
        "$1",
        "NUL");
    assertMentions(
        assertFails(DataError.class, conn, () -> conn.execute("SELECT $1::jsonb", "\"\0\"")),
        "$1",
        "NUL");
  }

  /** UTF-8 cannot encode half of a surrogate pair: refused, rather than sent as '?'. */
  @Test
  void textWithAnUnpairedSurrogateIsADataErrorNamingTheParameter(Connection conn) {
    DataError error =
        assertFails(DataError.class, conn, () -> conn.execute("SELECT $1::text", "a\uD83Db"));
    assertMentions(error, "$1", "surrogate");
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () -> conn.execute("SELECT $1, $2::text[]", 1, List.of("\uD83D\uDC18", "\uDC18"))),
        "$2",
        "surrogate");
  }

  @Test
  void javaTypeWithoutMappingIsAProgrammingErrorNamingTheParameter(Connection conn) {
    ProgrammingError error =
        assertFails(ProgrammingError.class, conn, () -> conn.execute("SELECT $1", new Object()));
    assertMentions(error, "$1", "java.lang.Object");
    ProgrammingError inList =
        assertFails(
            ProgrammingError.class,
            conn,
            () -> conn.execute("SELECT $1, $2", 1, List.of(new StringBuilder("x"))));
    assertMentions(inList, "$2", "java.lang.StringBuilder");
  }

  @Test
  void mixedArrayElementsAreProgrammingErrors(Connection conn) {
    assertMentions(
        assertFails(
            ProgrammingError.class, conn, () -> conn.execute("SELECT $1", List.of(1, "two"))),
        "$1",
        "java.lang.String",
        "java.lang.Integer");
    assertMentions(
        assertFails(
            ProgrammingError.class,
            conn,
            () -> conn.execute("SELECT $1", List.of(List.of(1), List.of("two")))),
        "$1",
        "java.lang.String");
  }

  @Test
  void readingAsAnUnrelatedJavaTypeIsAProgrammingErrorNamingBothTypes(Connection conn) {
    forEachFormat(
        conn,
        "SELECT 42::int4 AS answer",
        args(),
        (format, row) ->
            assertMentions(
                assertThrows(ProgrammingError.class, () -> row.get(0, Instant.class)),
                "int4",
                "java.time.Instant",
                "answer"));
    forEachFormat(
        conn,
        "SELECT 'x'::text AS letter",
        args(),
        (format, row) ->
            assertMentions(
                assertThrows(ProgrammingError.class, () -> row.get(0, LocalDate.class)),
                "text",
                "java.time.LocalDate"));
  }

  @Test
  void valueOutOfRangeForTheJavaTypeIsADataError(Connection conn) {
    forEachFormat(
        conn,
        "SELECT 100000::int4 AS big, 1.5::numeric AS half, 3e9::int8 AS wide",
        args(),
        (format, row) -> {
          assertMentions(
              assertThrows(DataError.class, () -> row.get(0, Short.class)), "100000", "big");
          assertEquals(100000, row.getInt(0));
          assertMentions(
              assertThrows(DataError.class, () -> row.get(1, Integer.class)), "1.5", "half");
          assertMentions(assertThrows(DataError.class, () -> row.getInt(2)), "3000000000", "wide");
        });
  }

  @Test
  void numericSpecialAsBigDecimalIsADataErrorNamingTheColumn(Connection conn) {
    forEachFormat(
        conn,
        "SELECT 'NaN'::numeric AS not_a_number, '{1,Infinity}'::numeric[] AS arr",
        args(),
        (format, row) -> {
          assertEquals(Double.NaN, row.get(0));
          assertMentions(
              assertThrows(DataError.class, () -> row.get(0, BigDecimal.class)),
              "not_a_number",
              "NaN",
              "Double");
          assertMentions(
              assertThrows(DataError.class, () -> row.get(1, BigDecimal[].class)),
              "arr",
              "Infinity");
          assertEquals(Double.NaN, row.get(0, Double.class));
        });
  }

  @Test
  void temporalValueOutsidePostgresRangeIsADataErrorNamingTheParameter(Connection conn) {
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () -> conn.execute("SELECT $1::date", LocalDate.of(5_874_898, 1, 1))),
        "$1",
        "5874898");
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () -> conn.execute("SELECT $1::timestamp", LocalDateTime.of(-4713, 11, 23, 23, 59))),
        "$1");
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () -> conn.execute("SELECT $1::timestamptz", Instant.parse("+294277-01-01T00:00:00Z"))),
        "$1");
  }

  @Test
  void durationBeyondAnIntervalsMicrosecondsIsADataErrorNamingTheParameter(Connection conn) {
    assertMentions(
        assertFails(
            DataError.class,
            conn,
            () -> conn.execute("SELECT $1::interval", Duration.ofSeconds(Long.MAX_VALUE))),
        "$1",
        "interval");
  }

  /**
   * Runs {@code work}, expects {@code type}, and checks that the connection still runs statements.
   */
  private static <E extends TuskException> E assertFails(
      Class<E> type, Connection conn, Executable work) {
    E error = assertThrows(type, work);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0), "the connection is still usable");
    return error;
  }

  private static void assertMentions(Throwable error, String... parts) {
    for (String part : parts) {
      assertTrue(
          error.getMessage().contains(part),
          () -> "'" + part + "' missing from: " + error.getMessage());
    }
  }
}
