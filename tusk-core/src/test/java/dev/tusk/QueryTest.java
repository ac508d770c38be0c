package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A query's preparation is one of three named choices, never a nullable Boolean. */
class QueryTest {

  @Test
  void theDefaultLeavesPreparationToTheConnection() {
    Query query = Query.of("SELECT 1");
    assertEquals(Preparation.AUTOMATIC, query.prepare());
    assertNull(query.timeout());
  }

  @Test
  void theBooleanFormMapsToAlwaysOrNever() {
    assertEquals(Preparation.ALWAYS, Query.of("SELECT 1").withPrepare(true).prepare());
    assertEquals(Preparation.NEVER, Query.of("SELECT 1").withPrepare(false).prepare());
    assertEquals(
        Preparation.AUTOMATIC,
        Query.of("SELECT 1").withPrepare(false).withPrepare(Preparation.AUTOMATIC).prepare());
  }

  @Test
  void optionsCombine() {
    Query query = Query.of("SELECT 1").withTimeout(Duration.ofSeconds(2)).withPrepare(true);
    assertEquals(new Query("SELECT 1", Preparation.ALWAYS, Duration.ofSeconds(2)), query);
  }

  @Test
  void aMissingPreparationIsRefused() {
    assertThrows(NullPointerException.class, () -> new Query("SELECT 1", null, null));
  }
}
