package dev.tusk.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Preparation;
import dev.tusk.internal.client.PreparedStatements.Plan;
import dev.tusk.internal.client.PreparedStatements.Prepare;
import dev.tusk.internal.client.PreparedStatements.Unnamed;
import dev.tusk.internal.client.PreparedStatements.Use;
import dev.tusk.internal.conninfo.StatementSettings;
import dev.tusk.internal.engine.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** When a statement is prepared, reused, evicted and forgotten. */
class PreparedStatementsTest {

  private static final int[] INT4 = {23};
  private static final Set<PreparedStatement> NO_BATCH = Set.of();

  private static PreparedStatements cache(int threshold, int size) {
    return new PreparedStatements(new StatementSettings(threshold, size, null));
  }

  private static Plan plan(PreparedStatements cache, String sql) {
    return cache.plan(sql, INT4, Preparation.AUTOMATIC, NO_BATCH);
  }

  /** Prepares and has the server describe it, as a successful first prepared run does. */
  private static PreparedStatement prepareAndDescribe(PreparedStatements cache, String sql) {
    PreparedStatement statement =
        assertInstanceOf(Prepare.class, cache.plan(sql, INT4, Preparation.ALWAYS, NO_BATCH))
            .statement();
    markDescribed(statement);
    return statement;
  }

  private static void markDescribed(PreparedStatement statement) {
    dev.tusk.internal.engine.Scripted.describe(statement);
  }

  @Property(tries = 30)
  void aStatementIsPreparedOnTheRunAfterThreshold(@ForAll @IntRange(max = 20) int threshold) {
    PreparedStatements cache = cache(threshold, 10);
    for (int run = 1; run <= threshold; run++) {
      assertInstanceOf(Unnamed.class, plan(cache, "SELECT $1"), "run " + run);
    }
    PreparedStatement statement =
        assertInstanceOf(Prepare.class, plan(cache, "SELECT $1")).statement();
    // Until the server has described it, others parse it unnamed.
    assertInstanceOf(Unnamed.class, plan(cache, "SELECT $1"));
    markDescribed(statement);
    assertSame(statement, assertInstanceOf(Use.class, plan(cache, "SELECT $1")).statement());
  }

  @Test
  void aNegativeThresholdOrAnEmptyCacheNeverPrepares() {
    for (PreparedStatements cache : List.of(cache(-1, 10), cache(0, 0))) {
      for (int run = 0; run < 20; run++) {
        assertInstanceOf(Unnamed.class, plan(cache, "SELECT $1"));
      }
      assertEquals(0, cache.size());
    }
  }

  @Test
  void theCallersChoiceOverridesTheThreshold() {
    PreparedStatements cache = cache(5, 10);
    assertInstanceOf(Prepare.class, cache.plan("SELECT $1", INT4, Preparation.ALWAYS, NO_BATCH));
    PreparedStatements never = cache(0, 10);
    assertInstanceOf(Unnamed.class, never.plan("SELECT $1", INT4, Preparation.NEVER, NO_BATCH));
    // pgbouncer mode still honours an explicit request.
    assertInstanceOf(
        Prepare.class, cache(-1, 10).plan("SELECT $1", INT4, Preparation.ALWAYS, NO_BATCH));
  }

  @Test
  void otherParameterTypesMakeAnotherStatement() {
    PreparedStatements cache = cache(0, 10);
    PreparedStatement int4 = prepareAndDescribe(cache, "SELECT $1");
    Plan int8 = cache.plan("SELECT $1", new int[] {20}, Preparation.AUTOMATIC, NO_BATCH);
    assertNotEquals(int4.name(), assertInstanceOf(Prepare.class, int8).statement().name());
  }

  @Test
  void theLeastRecentlyUsedIsEvictedAndClosed() {
    PreparedStatements cache = cache(0, 2);
    PreparedStatement a = prepareAndDescribe(cache, "SELECT 'a', $1");
    PreparedStatement b = prepareAndDescribe(cache, "SELECT 'b', $1");
    assertInstanceOf(Use.class, plan(cache, "SELECT 'a', $1"));
    assertEquals(List.of(), cache.takeEvicted());
    prepareAndDescribe(cache, "SELECT 'c', $1");
    assertEquals(List.of(b.name()), cache.takeEvicted());
    assertEquals(List.of(), cache.takeEvicted(), "taken once");
    assertEquals(2, cache.size());
    assertInstanceOf(Use.class, plan(cache, "SELECT 'a', $1"));
    assertEquals(a.name(), ((Use) plan(cache, "SELECT 'a', $1")).statement().name());
  }

  @Test
  void runCountsStayBounded() {
    PreparedStatements cache = cache(1, 3);
    for (int i = 0; i < 100; i++) {
      plan(cache, "SELECT " + i);
    }
    // Statement 99 was counted last and survives; statement 0 was forgotten long ago.
    assertInstanceOf(Prepare.class, plan(cache, "SELECT 99"));
    assertInstanceOf(Unnamed.class, plan(cache, "SELECT 0"));
  }

  @Test
  void invalidationForgetsEverythingAndClosesIt() {
    PreparedStatements cache = cache(0, 10);
    PreparedStatement a = prepareAndDescribe(cache, "SELECT 'a', $1");
    PreparedStatement b = prepareAndDescribe(cache, "SELECT 'b', $1");
    cache.invalidate();
    assertEquals(Set.of(a.name(), b.name()), Set.copyOf(cache.takeEvicted()));
    assertEquals(0, cache.size());
    assertInstanceOf(Prepare.class, plan(cache, "SELECT 'a', $1"));
  }

  @Test
  void statementsTheServerDroppedAreForgottenWithoutClosing() {
    PreparedStatements cache = cache(0, 1);
    prepareAndDescribe(cache, "SELECT 'a', $1");
    prepareAndDescribe(cache, "SELECT 'b', $1");
    cache.dropped();
    assertEquals(List.of(), cache.takeEvicted());
    assertEquals(0, cache.size());
  }

  @Test
  void aFailedPreparationIsForgottenButADescribedOneIsKept() {
    PreparedStatements cache = cache(0, 10);
    PreparedStatement failed = assertInstanceOf(Prepare.class, plan(cache, "SELEC $1")).statement();
    cache.forgetUndescribed(failed);
    assertEquals(0, cache.size());
    PreparedStatement described = prepareAndDescribe(cache, "SELECT $1");
    cache.forgetUndescribed(described);
    assertEquals(1, cache.size());
  }

  @Test
  void aStatementPreparedEarlierInTheSameRequestIsUsedAtOnce() {
    PreparedStatements cache = cache(0, 10);
    Set<PreparedStatement> batch = new HashSet<>();
    PreparedStatement statement =
        assertInstanceOf(Prepare.class, cache.plan("SELECT $1", INT4, Preparation.AUTOMATIC, batch))
            .statement();
    batch.add(statement);
    assertSame(
        statement,
        assertInstanceOf(Use.class, cache.plan("SELECT $1", INT4, Preparation.AUTOMATIC, batch))
            .statement());
    assertTrue(!statement.isDescribed());
  }

  @Test
  void aStatementAloneInItsRequestNeedsNoBatchSet() {
    PreparedStatements cache = cache(0, 10);
    PreparedStatement statement =
        assertInstanceOf(Prepare.class, cache.plan("SELECT $1", INT4, Preparation.AUTOMATIC, null))
            .statement();
    // Not described yet, and no earlier step of this request prepared it: parsed unnamed.
    assertInstanceOf(Unnamed.class, cache.plan("SELECT $1", INT4, Preparation.AUTOMATIC, null));
    markDescribed(statement);
    assertSame(
        statement,
        assertInstanceOf(Use.class, cache.plan("SELECT $1", INT4, Preparation.AUTOMATIC, null))
            .statement());
  }

  @Test
  void namesDifferBetweenConnectionsSoPgbouncerCanShareServerConnections() {
    String first = prepareAndDescribe(cache(0, 10), "SELECT $1").name();
    String second = prepareAndDescribe(cache(0, 10), "SELECT $1").name();
    assertNotEquals(first, second);
    assertTrue(first.matches("tusk_[0-9a-f]{12}_1"), first);
  }
}
