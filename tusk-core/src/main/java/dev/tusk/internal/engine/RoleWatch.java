package dev.tusk.internal.engine;

import dev.tusk.internal.conninfo.TargetSessionAttrs;

/**
 * Whether an open session's server still qualifies for the {@code target_session_attrs} it was
 * opened with, as far as the server has told it since: a failover can turn a standby into a
 * primary, or a primary read-only, under a session that stays open. Never asks the server; it reads
 * what the server sent anyway.
 *
 * <ul>
 *   <li>PostgreSQL 14 and later report {@code in_hot_standby} and {@code
 *       default_transaction_read_only} whenever they change (with the response to the next
 *       statement), so they decide, as at start-up.
 *   <li>An older server (or a pooler that does not pass the parameters on) tells only by refusing a
 *       write with SQLSTATE 25006: a {@code read-write} session then no longer qualifies. Nothing
 *       shows an older standby's promotion, so the other targets keep qualifying there.
 *   <li>A {@code prefer-standby} session opened on a standby no longer qualifies once the server
 *       leaves hot standby (a new connection may find another standby); one that fell back to a
 *       primary always qualifies.
 * </ul>
 */
public final class RoleWatch {

  /** SQLSTATE read_only_sql_transaction: a write refused by a read-only session. */
  static final String READ_ONLY_SQL_TRANSACTION = "25006";

  private final Session session;
  private final TargetSessionAttrs target;

  /** Watches {@code session}, just opened for {@code target}. */
  public RoleWatch(Session session, TargetSessionAttrs target) {
    this.session = session;
    this.target =
        target == TargetSessionAttrs.PREFER_STANDBY
                && !"on".equals(session.parameter("in_hot_standby"))
            ? TargetSessionAttrs.ANY // the fallback to any server: nothing to lose
            : target;
  }

  /** Whether the server still qualifies, by what it reported and refused since start-up. */
  public boolean qualifies() {
    if (target == TargetSessionAttrs.ANY) {
      return true; // the common case: no look-up
    }
    return qualifies(
        target,
        session.parameter("in_hot_standby"),
        session.parameter("default_transaction_read_only"),
        session.refusedWrite());
  }

  /**
   * The decision on what the server reported ({@code inHotStandby} and {@code readOnlyDefault},
   * null where it did not) and whether it refused a write.
   */
  static boolean qualifies(
      TargetSessionAttrs target, String inHotStandby, String readOnlyDefault, boolean refused) {
    if (inHotStandby == null || readOnlyDefault == null) {
      return !(refused && target == TargetSessionAttrs.READ_WRITE);
    }
    boolean standby = inHotStandby.equals("on");
    boolean readOnly = standby || readOnlyDefault.equals("on");
    return ServerRole.refusal(target, new ServerRole.Reported(readOnly, standby)).isEmpty();
  }
}
