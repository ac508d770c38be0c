package dev.tusk.jdbc;

import dev.tusk.TransactionStatus;
import dev.tusk.TwoPhaseTransaction;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UndefinedObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA face of one physical connection, over PostgreSQL's two-phase commit ({@link
 * dev.tusk.Connection#tpcBegin}). A branch is started, ended and prepared (or committed in one
 * phase) on this connection; a prepared branch is committed, rolled back or recovered from any
 * connection to the same database. While a branch is open the connection has autocommit off, and
 * its handles refuse {@code commit}, {@code rollback} and {@code setAutoCommit}.
 *
 * <p>Suspend and resume ({@code TMSUSPEND}, {@code TMRESUME}) and joining an ended branch ({@code
 * TMJOIN}) work on the same connection; interleaving branches on one connection does not (a
 * PostgreSQL session has one transaction): starting another branch meanwhile is {@code XAER_PROTO}.
 * No heuristic decisions are ever taken, so {@link #forget} has nothing to forget ({@code
 * XAER_NOTA}). Transaction timeouts are not supported.
 */
final class TuskXAResource implements XAResource {

  private enum State {
    IDLE,
    ACTIVE,
    SUSPENDED,
    ENDED
  }

  private final Connection jdbc;
  private final dev.tusk.Connection tusk;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile State state = State.IDLE;
  private Xid current;
  private TwoPhaseTransaction branch;
  private boolean rollbackOnly;
  private boolean savedAutoCommit;

  TuskXAResource(Connection jdbc) throws SQLException {
    this.jdbc = jdbc;
    this.tusk = jdbc.unwrap(dev.tusk.Connection.class);
  }

  /** Whether a branch is open on the connection (from start until prepare, commit or rollback). */
  boolean inBranch() {
    return state != State.IDLE;
  }

  @Override
  public void start(Xid xid, int flags) throws XAException {
    String gid = XaIds.gid(xid);
    lock.lock();
    try {
      switch (flags) {
        case TMNOFLAGS -> begin(xid, gid);
        case TMJOIN -> reassociate(xid, State.ENDED, "join");
        case TMRESUME -> reassociate(xid, State.SUSPENDED, "resume");
        default ->
            throw XaErrors.of(XAException.XAER_INVAL, "start takes TMNOFLAGS, TMJOIN or TMRESUME");
      }
    } finally {
      lock.unlock();
    }
  }

  private void begin(Xid xid, String gid) throws XAException {
    if (state != State.IDLE) {
      throw XaErrors.of(
          XAException.XAER_PROTO,
          "the connection already works for " + current + ": end and prepare it first");
    }
    if (tusk.info().transactionStatus() != TransactionStatus.IDLE) {
      throw XaErrors.of(
          XAException.XAER_OUTSIDE,
          "the connection is in a local transaction: commit or roll it back first");
    }
    try {
      savedAutoCommit = jdbc.getAutoCommit();
      jdbc.setAutoCommit(false);
      branch = tusk.tpcBegin(dev.tusk.Xid.of(gid));
    } catch (SQLException | TuskException e) {
      restoreAutoCommit();
      throw failure("start", e);
    }
    current = xid;
    rollbackOnly = false;
    state = State.ACTIVE;
  }

  private void reassociate(Xid xid, State from, String what) throws XAException {
    if (state == State.IDLE || !isCurrent(xid)) {
      throw XaErrors.of(XAException.XAER_NOTA, "cannot " + what + " " + xid + ": not started here");
    }
    if (state != from) {
      throw XaErrors.of(
          XAException.XAER_PROTO, "cannot " + what + " " + xid + ": it is " + name(state));
    }
    state = State.ACTIVE;
  }

  @Override
  public void end(Xid xid, int flags) throws XAException {
    lock.lock();
    try {
      requireCurrent(xid, "end");
      if (state != State.ACTIVE && !(state == State.SUSPENDED && flags != TMSUSPEND)) {
        throw XaErrors.of(XAException.XAER_PROTO, "cannot end " + xid + ": it is " + name(state));
      }
      switch (flags) {
        case TMSUCCESS -> state = State.ENDED;
        case TMFAIL -> {
          state = State.ENDED;
          rollbackOnly = true;
        }
        case TMSUSPEND -> state = State.SUSPENDED;
        default ->
            throw XaErrors.of(XAException.XAER_INVAL, "end takes TMSUCCESS, TMFAIL or TMSUSPEND");
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int prepare(Xid xid) throws XAException {
    lock.lock();
    try {
      requireEnded(xid, "prepare");
      rollBackIfDoomed();
      try {
        branch.prepare();
      } catch (TuskException e) {
        throw failure("prepare", e); // the failed PREPARE rolled the branch back
      } finally {
        finish();
      }
      return XA_OK;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    lock.lock();
    try {
      if (onePhase) {
        requireEnded(xid, "commit in one phase");
        rollBackIfDoomed();
        try {
          branch.commit();
        } catch (TransactionRollback e) {
          throw XaErrors.of(XAException.XA_RBROLLBACK, "the branch rolled back", e);
        } catch (TuskException e) {
          throw failure("commit", e);
        } finally {
          finish();
        }
        return;
      }
      requireNoBranch(xid, "commit");
      finishPrepared(xid, "commit");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void rollback(Xid xid) throws XAException {
    lock.lock();
    try {
      if (state != State.IDLE && isCurrent(xid)) {
        requireEnded(xid, "roll back");
        try {
          branch.rollback();
        } catch (TuskException e) {
          throw failure("rollback", e);
        } finally {
          finish();
        }
        return;
      }
      requireNoBranch(xid, "roll back");
      finishPrepared(xid, "rollback");
    } finally {
      lock.unlock();
    }
  }

  /** COMMIT PREPARED or ROLLBACK PREPARED: the branch may have been prepared anywhere. */
  private void finishPrepared(Xid xid, String what) throws XAException {
    dev.tusk.Xid prepared = dev.tusk.Xid.of(XaIds.gid(xid));
    try {
      if (what.equals("commit")) {
        tusk.tpcCommit(prepared);
      } else {
        tusk.tpcRollback(prepared);
      }
    } catch (UndefinedObject e) {
      throw XaErrors.of(XAException.XAER_NOTA, "no transaction is prepared as " + xid, e);
    } catch (TuskException e) {
      throw failure(what, e);
    }
  }

  @Override
  public Xid[] recover(int flags) throws XAException {
    if ((flags & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
      throw XaErrors.of(XAException.XAER_INVAL, "recover takes TMSTARTRSCAN and TMENDRSCAN");
    }
    if ((flags & TMSTARTRSCAN) == 0) {
      return new Xid[0]; // the whole list was given at the start of the scan
    }
    List<Xid> found = new ArrayList<>();
    try (var rows =
        tusk.execute(
            "SELECT gid FROM pg_catalog.pg_prepared_xacts WHERE database = current_database()"
                + " ORDER BY prepared")) {
      for (var row : rows) {
        Xid xid = XaIds.parse(row.getString(0));
        if (xid != null) { // a transaction prepared under another kind of name is not XA's
          found.add(xid);
        }
      }
    } catch (TuskException e) {
      throw failure("recover", e);
    }
    return found.toArray(new Xid[0]);
  }

  @Override
  public void forget(Xid xid) throws XAException {
    throw XaErrors.of(
        XAException.XAER_NOTA, "no heuristic decision was taken on " + xid + ": none to forget");
  }

  @Override
  public boolean isSameRM(XAResource other) {
    return other == this;
  }

  @Override
  public int getTransactionTimeout() {
    return 0;
  }

  @Override
  public boolean setTransactionTimeout(int seconds) {
    return false;
  }

  private boolean isCurrent(Xid xid) throws XAException {
    return current != null && XaIds.gid(current).equals(XaIds.gid(xid));
  }

  private void requireCurrent(Xid xid, String what) throws XAException {
    if (state == State.IDLE || !isCurrent(xid)) {
      throw XaErrors.of(
          XAException.XAER_NOTA, "cannot " + what + " " + xid + ": it was not started here");
    }
  }

  private void requireEnded(Xid xid, String what) throws XAException {
    requireCurrent(xid, what);
    if (state != State.ENDED) {
      throw XaErrors.of(
          XAException.XAER_PROTO,
          "cannot " + what + " " + xid + ": it is " + name(state) + ", end it first");
    }
  }

  private void requireNoBranch(Xid xid, String what) throws XAException {
    if (state != State.IDLE) {
      throw XaErrors.of(
          XAException.XAER_PROTO,
          "cannot " + what + " " + xid + " while the connection works for " + current);
    }
  }

  /** A branch ended with TMFAIL, or whose statement failed, can only roll back. */
  private void rollBackIfDoomed() throws XAException {
    if (rollbackOnly || tusk.info().transactionStatus() == TransactionStatus.IN_ERROR) {
      Xid doomed = current;
      try {
        branch.rollback();
      } catch (TuskException e) {
        throw failure("rollback", e);
      } finally {
        finish();
      }
      throw XaErrors.of(
          XAException.XA_RBROLLBACK,
          doomed + " was rolled back: it ended with TMFAIL or one of its statements failed");
    }
  }

  /** The branch has left the connection: it takes back its autocommit mode. */
  private void finish() {
    state = State.IDLE;
    current = null;
    branch = null;
    restoreAutoCommit();
  }

  private void restoreAutoCommit() {
    try {
      if (!tusk.closed()) {
        jdbc.setAutoCommit(savedAutoCommit);
      }
    } catch (SQLException e) {
      // The connection broke: the pool learns it from its next use.
    }
  }

  /** A failure of the server (XAER_RMERR) or of the connection to it (XAER_RMFAIL). */
  private XAException failure(String what, Exception cause) {
    int code = tusk.closed() ? XAException.XAER_RMFAIL : XAException.XAER_RMERR;
    return XaErrors.of(code, what + " failed: " + cause.getMessage(), cause);
  }

  private static String name(State state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }
}
