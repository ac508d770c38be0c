package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of column through the {@code rewrite_batched_inserts} rewrite (column arrays in binary
 * for values sent with their type, in text for Strings the server types, for NULLs and for the
 * geometric types whose arrays use another delimiter): the rows must be exactly those that the same
 * sets insert one Bind at a time.
 */
@TuskTest
class RewrittenInsertTypesTest {

  private static final String COLUMNS =
      "(id int PRIMARY KEY, i2 int2, i8 int8, f4 float4, f8 float8, num numeric(12,3), txt text,"
          + " vc varchar(12), bp char(3), flag bool, bin bytea, day date, tod time, todtz timetz,"
          + " ts timestamp, tstz timestamptz, iv interval, uid uuid, js json, jsb jsonb, ip inet,"
          + " feeling feeling, pair pair, pos positive, span int4range, bx box, tsv tsvector,"
          + " bits bit(3), nothing text)";

  private static final int VALUES = 29;

  private Connection rewriting;

  @BeforeEach
  void createTables(Connection conn, TestSchema schema) {
    conn.execute(
        "DROP TABLE IF EXISTS rewritten, plain; DROP TYPE IF EXISTS feeling, pair;"
            + " DROP DOMAIN IF EXISTS positive;"
            + " CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy');"
            + " CREATE TYPE pair AS (x int, y text);"
            + " CREATE DOMAIN positive AS int CHECK (VALUE > 0);"
            + " CREATE TABLE rewritten "
            + COLUMNS
            + "; CREATE TABLE plain "
            + COLUMNS);
    rewriting = Tusk.connect(schema.conninfo() + " rewrite_batched_inserts=on");
  }

  @AfterEach
  void close() {
    rewriting.close();
  }

  @Test
  void everyColumnTypeLandsAsItDoesOneSetAtATime(Connection conn) {
    List<Object[]> sets = sets(40);

    Cursor<Row> cursor = rewriting.cursor().executeMany(insert("rewritten"), sets);
    conn.cursor().executeMany(insert("plain"), sets);

    assertEquals(40, cursor.rowCount());
    assertEquals("INSERT 0 40", cursor.statusMessage(), "one statement inserted every set");
    assertEquals(rows(conn, "plain"), rows(conn, "rewritten"));
  }

  @Test
  void quotesBackslashesBracesDelimitersAndTheWordNullStayText(Connection conn) {
    List<String> tricky =
        List.of(
            "",
            " padded ",
            "NULL",
            "null",
            "a,b",
            "{braces}",
            "\"quoted\"",
            "back\\slash",
            "semi;colon",
            "tab\there",
            "line\nbreak",
            "ünïcödé ✓ 🐘");
    List<Object[]> sets = new ArrayList<>();
    for (int i = 0; i < tricky.size(); i++) {
      sets.add(new Object[] {i, tricky.get(i)});
    }

    rewriting.cursor().executeMany("INSERT INTO rewritten (id, txt) VALUES ($1, $2)", sets);

    List<String> read = new ArrayList<>();
    for (Row row : conn.execute("SELECT txt FROM rewritten ORDER BY id")) {
      read.add(row.getString(0));
    }
    assertEquals(tricky, read);
  }

  @Test
  void aColumnNullInEverySetIsNullInEveryRow(Connection conn) {
    List<Object[]> sets = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sets.add(new Object[] {i, null, null});
    }

    Cursor<Row> cursor =
        rewriting
            .cursor()
            .executeMany("INSERT INTO rewritten (id, day, jsb) VALUES ($1, $2, $3)", sets);

    assertEquals("INSERT 0 5", cursor.statusMessage());
    Row counts = conn.execute("SELECT count(*), count(day), count(jsb) FROM rewritten").fetchOne();
    assertEquals(
        List.of(5L, 0L, 0L), List.of(counts.getLong(0), counts.getLong(1), counts.getLong(2)));
  }

  private static String insert(String table) {
    StringBuilder placeholders = new StringBuilder();
    for (int i = 1; i <= VALUES; i++) {
      placeholders.append(i == 1 ? "$" : ", $").append(i);
    }
    return "INSERT INTO " + table + " VALUES (" + placeholders + ")";
  }

  /** Every row as the server prints it, by id: the same text means the same values. */
  private static List<String> rows(Connection conn, String table) {
    List<String> rows = new ArrayList<>();
    for (Row row : conn.execute("SELECT t::text FROM " + table + " t ORDER BY id")) {
      rows.add(row.getString(0));
    }
    return rows;
  }

  /** {@code count} sets; every third has NULL in every column but its id. */
  private static List<Object[]> sets(int count) {
    List<Object[]> sets = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Object[] set = new Object[VALUES];
      set[0] = i;
      if (i % 3 != 0) {
        Object[] values = {
          (short) -i,
          Long.MAX_VALUE - i,
          i / 4f,
          Math.PI * i,
          new BigDecimal("1234.5678").multiply(BigDecimal.valueOf(i)),
          "row " + i + " \"with\" {quotes}, commas\\ and NULL",
          "v" + i,
          "ab",
          i % 2 == 0,
          new byte[] {0, (byte) i, (byte) 0xff, '\\', '"'},
          LocalDate.of(2024, 2, 29).plusDays(i),
          LocalTime.of(23, 59, 59, 123_456_000),
          OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(-5)),
          LocalDateTime.of(1999, 12, 31, 23, 59, 59).plusSeconds(i),
          OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)).plusHours(i),
          Duration.ofHours(i).plusMillis(250),
          new UUID(i, -i),
          "{\"json\": [1, 2, " + i + "]}",
          Map.of("k", List.of(i, "x")),
          "10.0." + i + ".0/24",
          i % 2 == 0 ? "happy" : "sad",
          "(" + i + ",\"a, b\")",
          i,
          "[" + i + "," + (i + 10) + ")",
          "(" + i + "," + i + "),(0,0)",
          "a fat cat " + i,
          i % 2 == 0 ? "101" : "010",
        };
        System.arraycopy(values, 0, set, 1, values.length);
      }
      set[VALUES - 1] = null;
      sets.add(set);
    }
    assertEquals(VALUES, sets.get(0).length, Arrays.toString(sets.get(0)));
    return sets;
  }
}
