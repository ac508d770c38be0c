package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Runs a statement in both result formats and checks what each decodes to. The driver asks for text
 * results the first time it runs a SQL text and for binary results on later runs, so each statement
 * gets a comment that makes its text new to the connection, then runs twice.
 */
final class BothFormats {

  /** Numbers the statements, so that every SQL text handed out here is new to its connection. */
  private static final AtomicLong RUNS = new AtomicLong();

  private BothFormats() {}

  /** The result formats, in the order the driver uses them for a new SQL text. */
  enum Format {
    TEXT,
    BINARY
  }

  /** The single row of the text-format run and of the binary-format run of one statement. */
  record Rows(Row text, Row binary) {

    /** The row of the run in {@code format}. */
    Row in(Format format) {
      return switch (format) {
        case TEXT -> text;
        case BINARY -> binary;
      };
    }
  }

  /** Parameters for a statement, which may include nulls. */
  static Object[] args(Object... params) {
    return params;
  }

  /** Runs {@code sql}, new to the connection, twice: first with text, then binary results. */
  static Rows run(Connection conn, String sql, Object... params) {
    String fresh = "/* tusk-it " + RUNS.incrementAndGet() + " */ " + sql;
    return new Rows(onlyRow(conn, fresh, params), onlyRow(conn, fresh, params));
  }

  /** Runs {@code sql} in each format and hands {@code check} the single row of each run. */
  static void forEachFormat(
      Connection conn, String sql, Object[] params, BiConsumer<Format, Row> check) {
    Rows rows = run(conn, sql, params);
    for (Format format : Format.values()) {
      check.accept(format, rows.in(format));
    }
  }

  /**
   * Asserts that column 0 of {@code sql}'s single row decodes to {@code expected} by default in
   * both formats, as the same Java class (any List for arrays, whose elements must match in class;
   * any Map for JSON objects).
   */
  static void assertBothFormats(Connection conn, String sql, Object[] params, Object expected) {
    forEachFormat(
        conn, sql, params, (format, row) -> assertDecoded(expected, row.get(0), format, sql));
  }

  /**
   * Asserts that column 0 reads as {@code expected} through {@code get(0, type)} in both formats.
   */
  static <T> void assertBothFormats(
      Connection conn, String sql, Object[] params, Class<T> type, T expected) {
    forEachFormat(
        conn, sql, params, (format, row) -> assertDecoded(expected, row.get(0, type), format, sql));
  }

  /** Asserts that {@code actual} equals {@code expected} and has its class. */
  static void assertDecoded(Object expected, Object actual, Format format, String sql) {
    String where = format + " format of " + sql;
    if (expected == null) {
      assertNull(actual, where);
      return;
    }
    assertNotNull(actual, where);
    if (expected instanceof List<?>) {
      assertInstanceOf(List.class, actual, where);
    } else if (expected instanceof Map<?, ?>) {
      assertInstanceOf(Map.class, actual, where);
    } else {
      assertSame(expected.getClass(), actual.getClass(), where);
    }
    assertEquals(comparable(expected), comparable(actual), where);
  }

  /**
   * The value in a form whose equals compares contents: byte arrays as hex, lists and Java arrays
   * element by element. Boxed numbers stay as they are, so an Integer never equals a Short.
   */
  private static Object comparable(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes " + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof int[] ints) {
      return Arrays.stream(ints).boxed().toList();
    }
    if (value instanceof long[] longs) {
      return Arrays.stream(longs).boxed().toList();
    }
    if (value instanceof Object[] objects) {
      return comparable(Arrays.asList(objects));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(item -> item == null ? null : comparable(item)).toList();
    }
    return value;
  }

  private static Row onlyRow(Connection conn, String sql, Object[] params) {
    try (Cursor<Row> cursor = conn.execute(sql, params)) {
      List<Row> rows = cursor.fetchAll();
      assertEquals(1, rows.size(), () -> sql + " returned " + rows);
      return rows.get(0);
    }
  }
}
