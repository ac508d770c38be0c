package dev.tusk.internal.engine;

import static dev.tusk.internal.conninfo.TargetSessionAttrs.ANY;
import static dev.tusk.internal.conninfo.TargetSessionAttrs.PREFER_STANDBY;
import static dev.tusk.internal.conninfo.TargetSessionAttrs.PRIMARY;
import static dev.tusk.internal.conninfo.TargetSessionAttrs.READ_ONLY;
import static dev.tusk.internal.conninfo.TargetSessionAttrs.READ_WRITE;
import static dev.tusk.internal.conninfo.TargetSessionAttrs.STANDBY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.internal.conninfo.TargetSessionAttrs;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whether an open session still qualifies, decided from what the server reported since: the same
 * rules as at start-up when it reports its parameters, and a refused write for read-write when it
 * does not.
 */
class RoleWatchTest {

  /** Each kind of server a failover can leave behind, and the targets it qualifies for. */
  @Test
  void reportedParametersDecideAsAtStartUp() {
    assertQualifiesFor("off", "off", ANY, READ_WRITE, PRIMARY); // a primary
    assertQualifiesFor("off", "on", ANY, READ_ONLY, PRIMARY); // a primary made read-only
    assertQualifiesFor("on", "off", ANY, READ_ONLY, STANDBY, PREFER_STANDBY); // a standby
    assertQualifiesFor("on", "on", ANY, READ_ONLY, STANDBY, PREFER_STANDBY);
  }

  /** A write refused as read-only says nothing more when the parameters are there. */
  @Test
  void aRefusedWriteDoesNotOverruleReportedParameters() {
    // The session's own read-only transaction (BEGIN READ ONLY) refuses writes on a primary too.
    assertEquals(true, RoleWatch.qualifies(READ_WRITE, "off", "off", true));
    assertEquals(false, RoleWatch.qualifies(READ_WRITE, "off", "on", false));
  }

  /** Without the parameters (before 14, or behind a pooler), only a refused write tells. */
  @Test
  void withoutParametersOnlyARefusedWriteDisqualifiesAReadWriteSession() {
    for (TargetSessionAttrs target : TargetSessionAttrs.values()) {
      assertEquals(true, RoleWatch.qualifies(target, null, null, false), target.keyword());
      assertEquals(
          target != READ_WRITE, RoleWatch.qualifies(target, null, null, true), target.keyword());
    }
    assertEquals(false, RoleWatch.qualifies(READ_WRITE, "off", null, true), "one is not enough");
  }

  private static void assertQualifiesFor(
      String inHotStandby, String readOnly, TargetSessionAttrs... qualifying) {
    Set<TargetSessionAttrs> expected = EnumSet.noneOf(TargetSessionAttrs.class);
    expected.addAll(Set.of(qualifying));
    for (TargetSessionAttrs target : TargetSessionAttrs.values()) {
      assertEquals(
          expected.contains(target),
          RoleWatch.qualifies(target, inHotStandby, readOnly, false),
          target.keyword() + " with in_hot_standby=" + inHotStandby + ", read-only=" + readOnly);
    }
  }
}
