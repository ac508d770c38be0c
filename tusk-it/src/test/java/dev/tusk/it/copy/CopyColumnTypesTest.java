package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A binary COPY FROM STDIN whose rows are written without setTypes: the column types come from the
 * catalog, asked for just before the COPY.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CopyColumnTypesTest {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC);

  @Test
  void everyColumnsTypeIsFoundSoTypedRowsJustWork(Connection conn) {
    conn.execute(
        "CREATE TABLE typed_all (id int4, big int8, name text, price numeric(10,2),"
            + " at timestamptz, ok bool, u uuid, tags int4[])");
    UUID u = new UUID(1, 2);
    try (Copy copy = conn.cursor().copy("COPY typed_all FROM STDIN (FORMAT binary)")) {
      copy.writeRow(1, 5_000_000_000L, "one", new BigDecimal("12.50"), AT, true, u, List.of(1, 2));
      copy.writeRow(2, null, null, null, null, null, null, null);
      assertEquals(2, copy.finish());
    }
    Row row = conn.execute("SELECT * FROM typed_all WHERE id = 1").fetchOne();
    assertEquals(5_000_000_000L, row.getLong("big"));
    assertEquals("one", row.getString("name"));
    assertEquals(new BigDecimal("12.50"), row.get("price"));
    assertEquals(AT.toInstant(), row.get("at", OffsetDateTime.class).toInstant());
    assertEquals(true, row.get("ok"));
    assertEquals(u, row.get("u"));
    assertEquals(List.of(1, 2), row.get("tags"));
    assertNull(conn.execute("SELECT name FROM typed_all WHERE id = 2").fetchOne().get(0));
  }

  @Test
  void aColumnListAQuotedQualifiedNameAndAGeneratedColumnAreResolvedAsSqlDoes(Connection conn) {
    conn.execute("CREATE SCHEMA \"Copy Zoo\"");
    conn.execute(
        "CREATE TABLE \"Copy Zoo\".\"Pets\" (id int4, \"Name\" text, born date,"
            + " weight float8, id_twice int4 GENERATED ALWAYS AS (id * 2) STORED)");
    try (Copy copy =
        conn.cursor()
            .copy("COPY \"Copy Zoo\".\"Pets\" (weight, \"Name\", id) FROM STDIN (FORMAT binary)")) {
      copy.writeRow(4.5, "Tusk", 7);
      assertEquals(1, copy.finish());
    }
    // No column list: every column but the generated one.
    try (Copy copy = conn.cursor().copy("COPY \"Copy Zoo\".\"Pets\" FROM STDIN WITH BINARY")) {
      copy.writeRow(8, "Ivory", java.time.LocalDate.of(2020, 2, 29), 1.25);
      assertEquals(1, copy.finish());
    }
    List<Row> rows =
        conn.execute("SELECT id, \"Name\", weight, id_twice FROM \"Copy Zoo\".\"Pets\" ORDER BY id")
            .fetchAll();
    assertEquals("Tusk", rows.get(0).getString(1));
    assertEquals(4.5, rows.get(0).get(2));
    assertEquals(14, rows.get(0).getInt(3));
    assertEquals("Ivory", rows.get(1).getString(1));
    assertEquals(16, rows.get(1).getInt(3));
  }

  @Test
  void inATransactionAndOnTheAsyncFaceToo(Connection conn) throws Exception {
    conn.execute("CREATE TABLE typed_tx (id int4, label text)");
    try (Transaction tx = conn.transaction()) {
      try (Copy copy = conn.cursor().copy("COPY typed_tx FROM STDIN (FORMAT binary)")) {
        copy.writeRow(1, "in a block");
        copy.finish();
      }
      assertEquals(1, conn.execute("SELECT count(*) FROM typed_tx").fetchOne().getLong(0));
      tx.commit();
    }
    long copied =
        conn.async()
            .cursor()
            .copy("COPY typed_tx FROM STDIN (FORMAT binary)")
            .thenApplyAsync(
                copy -> {
                  try (copy) {
                    copy.writeRow(2, "async");
                    return copy.finish();
                  }
                },
                Executors.newVirtualThreadPerTaskExecutor())
            .get(30, TimeUnit.SECONDS);
    assertEquals(1, copied);
    assertEquals(2, conn.execute("SELECT count(*) FROM typed_tx").fetchOne().getLong(0));
  }

  @Test
  void aTableThatCannotBeResolvedOrATypeNotYetKnownIsAClearErrorAndTheConnectionGoesOn(
      Connection conn) {
    Row where = conn.execute("SELECT current_database(), current_schema()").fetchOne();
    conn.execute("CREATE TABLE typed_three (id int4)");
    // A name with the database in it is left to the server, so the types stay unknown.
    String table = "\"" + where.getString(0) + "\".\"" + where.getString(1) + "\".typed_three";
    try (Copy copy = conn.cursor().copy("COPY " + table + " FROM STDIN (FORMAT binary)")) {
      ProgrammingError missing = assertThrows(ProgrammingError.class, () -> copy.writeRow(1));
      assertTrue(missing.getMessage().contains("setTypes"), missing.getMessage());
    }
    conn.execute("CREATE TYPE copy_mood AS ENUM ('calm', 'wild')");
    conn.execute("CREATE TABLE typed_mood (id int4, mood copy_mood)");
    try (Copy copy = conn.cursor().copy("COPY typed_mood FROM STDIN (FORMAT binary)")) {
      ProgrammingError unknown =
          assertThrows(ProgrammingError.class, () -> copy.writeRow(1, "calm"));
      assertTrue(unknown.getMessage().contains("\"mood\""), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("conn.types().codec"), unknown.getMessage());
    }
    assertEquals(0, conn.execute("SELECT count(*) FROM typed_mood").fetchOne().getLong(0));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void setTypesNamingAnUnknownTypeDuringCopyInIsAClearErrorAndTheConnectionGoesOn(Connection conn) {
    conn.execute("CREATE TABLE typed_unknown (id int4)");
    try (Copy copy = conn.cursor().copy("COPY typed_unknown FROM STDIN (FORMAT binary)")) {
      ProgrammingError unknown =
          assertThrows(ProgrammingError.class, () -> copy.setTypes("no_such_type"));
      assertTrue(unknown.getMessage().contains("\"no_such_type\""), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("conn.types().codec"), unknown.getMessage());
      // Closed without finish(): abandoned, nothing copied.
    }
    assertEquals(0, conn.execute("SELECT count(*) FROM typed_unknown").fetchOne().getLong(0));
    try (Copy copy = conn.cursor().copy("COPY typed_unknown FROM STDIN (FORMAT binary)")) {
      assertThrows(ProgrammingError.class, () -> copy.setTypes("also_missing"));
      // The COPY itself goes on after the refusal.
      copy.setTypes("int4");
      copy.writeRow(3);
      assertEquals(1, copy.finish());
    }
    assertEquals(3, conn.execute("SELECT id FROM typed_unknown").fetchOne().getInt(0));
  }
}
