package dev.tusk.internal.engine;

import dev.tusk.errors.TuskException;
import dev.tusk.internal.conninfo.TargetSessionAttrs;
import dev.tusk.internal.protocol.DataRow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether a new session is of the kind {@code target_session_attrs} asks for, decided as libpq
 * does: from the {@code default_transaction_read_only} and {@code in_hot_standby} parameters that
 * PostgreSQL 14 and later report at start-up, else by asking with {@code SHOW
 * transaction_read_only} or {@code SELECT pg_catalog.pg_is_in_recovery()}.
 */
final class ServerRole {

  static final String SHOW_READ_ONLY = "SHOW transaction_read_only";
  static final String IS_IN_RECOVERY = "SELECT pg_catalog.pg_is_in_recovery()";

  private ServerRole() {}

  /**
   * Why {@code session} does not qualify for {@code target} (libpq's wording), or empty if it does.
   * A query that fails disqualifies the server too. {@code PREFER_STANDBY} asks for a standby: the
   * second pass that takes any server asks with {@code ANY}.
   */
  static Optional<String> refusal(Session session, TargetSessionAttrs target, Duration timeout) {
    try {
      return refusal(
          target,
          new Facts<FailedQuery>() {
            @Override
            public boolean readOnly() throws FailedQuery {
              return ServerRole.readOnly(session, timeout);
            }

            @Override
            public boolean inHotStandby() throws FailedQuery {
              return ServerRole.inHotStandby(session, timeout);
            }
          });
    } catch (FailedQuery e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * What a server is, learnt as needed: from its parameters, or by asking (which may fail with
   * {@code E}).
   */
  interface Facts<E extends Exception> {
    /** Whether its sessions are read-only by default (a standby, or read-only by setting). */
    boolean readOnly() throws E;

    /** Whether it is in hot standby. */
    boolean inHotStandby() throws E;
  }

  /** Facts a server reported, known without asking. */
  record Reported(boolean readOnly, boolean inHotStandby) implements Facts<RuntimeException> {}

  /**
   * Why a server with {@code facts} does not qualify for {@code target}, in libpq's words, or empty
   * if it does; only the facts {@code target} depends on are asked for.
   */
  static <E extends Exception> Optional<String> refusal(TargetSessionAttrs target, Facts<E> facts)
      throws E {
    return switch (target) {
      case ANY -> Optional.empty();
      case READ_WRITE -> refuseIf(facts.readOnly(), "session is read-only");
      case READ_ONLY -> refuseIf(!facts.readOnly(), "session is not read-only");
      case PRIMARY -> refuseIf(facts.inHotStandby(), "server is in hot standby mode");
      case STANDBY, PREFER_STANDBY ->
          refuseIf(!facts.inHotStandby(), "server is not in hot standby mode");
    };
  }

  private static Optional<String> refuseIf(boolean refused, String reason) {
    return refused ? Optional.of(reason) : Optional.empty();
  }

  /**
   * Whether sessions are read-only by default: either parameter on. An older server that reports
   * neither is asked; {@code transaction_read_only} is on exactly when one of them is.
   */
  private static boolean readOnly(Session session, Duration timeout) throws FailedQuery {
    String readOnly = session.parameter("default_transaction_read_only");
    String standby = session.parameter("in_hot_standby");
    if (readOnly == null || standby == null) {
      return query(session, SHOW_READ_ONLY, timeout).startsWith("on");
    }
    return readOnly.equals("on") || standby.equals("on");
  }

  /** Whether the server is a standby; a server before 9.0 cannot be one. */
  private static boolean inHotStandby(Session session, Duration timeout) throws FailedQuery {
    if (session.serverVersion() < 90000) {
      return false;
    }
    String standby = session.parameter("in_hot_standby");
    if (standby == null) {
      return query(session, IS_IN_RECOVERY, timeout).startsWith("t");
    }
    return standby.equals("on");
  }

  /** The text of the first column of the only row {@code sql} returns. */
  private static String query(Session session, String sql, Duration timeout) throws FailedQuery {
    try {
      SimpleQuery exchange = new SimpleQuery(sql);
      session.submit(exchange);
      List<StatementResult> results = session.await(exchange, timeout);
      if (results.size() != 1 || results.get(0).rows().size() != 1) {
        throw new FailedQuery(sql, "it did not return one row");
      }
      DataRow row = results.get(0).rows().get(0);
      int[] offsets = new int[row.columnCount()];
      int[] lengths = new int[row.columnCount()];
      row.locate(offsets, lengths);
      if (row.columnCount() < 1 || lengths[0] < 0) {
        throw new FailedQuery(sql, "it returned no value");
      }
      return new String(row.bytes(), offsets[0], lengths[0], StandardCharsets.UTF_8);
    } catch (TuskException e) {
      throw new FailedQuery(sql, e.getMessage());
    }
  }

  /** A role query that failed: libpq then tries the next host. */
  static final class FailedQuery extends Exception {
    private static final long serialVersionUID = 1L;

    FailedQuery(String sql, String why) {
      super("\"" + sql + "\" failed: " + why);
    }
  }
}
