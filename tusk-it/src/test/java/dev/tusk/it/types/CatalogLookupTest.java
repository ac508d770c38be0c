package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.errors.DataError;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Param;
import dev.tusk.types.PgRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * When and how a connection asks its catalog about types: refresh after ALTER TYPE, while another
 * thread holds a transaction block, and inside a failed transaction.
 */
@TuskTest
class CatalogLookupTest {

  @Test
  void refreshPicksUpAnAddedAttribute(Connection conn) {
    conn.execute("DROP TYPE IF EXISTS pair; CREATE TYPE pair AS (a int4)");
    assertEquals(
        List.of("a"), ((PgRecord) conn.execute("SELECT ROW(1)::pair").fetchOne().get(0)).names());
    conn.execute("ALTER TYPE pair ADD ATTRIBUTE b text");
    DataError stale =
        assertThrows(
            DataError.class, () -> conn.execute("SELECT ROW(1, 'x')::pair").fetchOne().get(0));
    assertTrue(stale.getMessage().contains("refresh()"), stale.getMessage());
    conn.types().refresh();
    PgRecord pair = (PgRecord) conn.execute("SELECT ROW(1, 'x')::pair").fetchOne().get(0);
    assertEquals(List.of("a", "b"), pair.names());
    assertEquals(List.of(1, "x"), pair.values());
  }

  @Test
  void refreshPicksUpAnAddedEnumLabel(Connection conn) {
    conn.execute("DROP TYPE IF EXISTS level; CREATE TYPE level AS ENUM ('low')");
    assertEquals("low", conn.execute("SELECT 'low'::level").fetchOne().get(0));
    conn.execute("ALTER TYPE level ADD VALUE 'high'");
    String sql = "SELECT 'high'::level";
    // A label added since the lookup still reads, as a new String each time...
    assertNotSame(conn.execute(sql).fetchOne().get(0), conn.execute(sql).fetchOne().get(0));
    conn.types().refresh();
    // ...and after a refresh as the label learned from the catalog.
    Object first = conn.execute(sql).fetchOne().get(0);
    assertEquals("high", first);
    assertSame(first, conn.execute(sql).fetchOne().get(0));
  }

  @Test
  void lookupWaitsForAnotherThreadsTransactionBlockAndRunsOutsideIt(Connection conn)
      throws Exception {
    conn.execute("DROP TYPE IF EXISTS shade; CREATE TYPE shade AS ENUM ('dark', 'light')");
    Cursor<Row> cursor = conn.cursor();
    cursor.execute("SELECT 1; SELECT 'dark'::shade");
    CountDownLatch inBlock = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> owner =
        CompletableFuture.runAsync(
            () -> {
              try (Transaction tx = conn.transaction()) {
                // A failed block: a lookup running inside it would fail too.
                assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1/0"));
                inBlock.countDown();
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(inBlock.await(10, TimeUnit.SECONDS));
    CompletableFuture<Boolean> lookup = CompletableFuture.supplyAsync(cursor::nextSet);
    assertThrows(TimeoutException.class, () -> lookup.get(300, TimeUnit.MILLISECONDS));
    release.countDown();
    owner.get(10, TimeUnit.SECONDS);
    assertTrue(lookup.get(10, TimeUnit.SECONDS));
    assertEquals("shade", cursor.description().get(0).typeName());
    assertEquals("dark", cursor.fetchOne().get(0));
  }

  @Test
  void inAFailedTransactionUnknownTypesReadAsTextAndAreLookedUpLater(Connection conn) {
    conn.execute("DROP TYPE IF EXISTS tint; CREATE TYPE tint AS (r int4, g int4)");
    try (Transaction tx = conn.transaction()) {
      Cursor<Row> cursor = conn.cursor();
      cursor.execute("SELECT 1; SELECT ROW(1, 2)::tint");
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1/0"));
      assertTrue(cursor.nextSet());
      assertEquals("(1,2)", cursor.fetchOne().get(0));
      assertTrue(cursor.description().get(0).typeName().startsWith("oid:"));
      // A type named for a parameter cannot be looked up either: the server's error, as the
      // statement itself would get.
      assertThrows(
          InFailedSqlTransaction.class,
          () -> conn.execute("SELECT $1", Param.of(List.of(1, 2), "tint")));
    }
    Row row = conn.execute("SELECT ROW(1, 2)::tint").fetchOne();
    assertInstanceOf(PgRecord.class, row.get(0));
    assertEquals("tint", row.columns().get(0).typeName());
  }
}
