package dev.tusk.jdbc;

import dev.tusk.TransactionStatus;
import dev.tusk.TwoPhaseTransaction;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UndefinedObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * XAER_NOTA}).
 *
 * <p>A transaction timeout ({@link #setTransactionTimeout}) is enforced by a timer that starts with
 * each branch: when it passes before the branch is prepared or committed, the statement running
 * then is cancelled (through Tusk's cancel, so it fails with {@code 57014}) and the branch is
 * doomed: the next {@code end}, {@code prepare} or one-phase {@code commit} rolls it back and
 * answers {@code XA_RBTIMEOUT}. The server's own timeouts are not used: {@code statement_timeout}
 * bounds each statement rather than the branch, and {@code idle_in_transaction_session_timeout} and
 * {@code transaction_timeout} end the whole session.
 */
final class TuskXAResource implements XAResource {

  /** One daemon thread runs every resource's branch deadlines: each only flags and cancels. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("tusk-xa-timeout").factory());
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

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
  private volatile int timeoutSeconds;
  private ScheduledFuture<?> deadline;
  private boolean timedOut;

  /** The branch rolled back by an {@code XA_RB*} answer of end: its rollback has nothing to do. */
  private String rolledBackGid;

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
    if (state != State.IDLE && isCurrent(xid)) {
      throw XaErrors.of(XAException.XAER_DUPID, xid + " is already started on this connection");
    }
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
    requireUnknown(xid, gid);
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
    timedOut = false;
    rolledBackGid = null;
    state = State.ACTIVE;
    int seconds = timeoutSeconds;
    if (seconds > 0) {
      TwoPhaseTransaction started = branch;
      deadline = DEADLINES.schedule(() -> expire(started), seconds, TimeUnit.SECONDS);
    }
  }

  /** XAER_DUPID when a transaction is already prepared under the Xid's name. */
  private void requireUnknown(Xid xid, String gid) throws XAException {
    try (var rows =
        tusk.execute("SELECT 1 FROM pg_catalog.pg_prepared_xacts WHERE gid = $1", gid)) {
      if (rows.iterator().hasNext()) {
        throw XaErrors.of(XAException.XAER_DUPID, xid + " is already prepared");
      }
    } catch (TuskException e) {
      throw failure("start", e);
    }
  }

  /** The branch's deadline passed: it is doomed, and the statement it runs now is cancelled. */
  private void expire(TwoPhaseTransaction expired) {
    lock.lock();
    try {
      if (branch != expired || state == State.IDLE) {
        return; // it was prepared, committed or rolled back in time
      }
      timedOut = true;
      tusk.cancel();
    } catch (TuskException e) {
      // The connection broke: the branch is lost with it, as the next XA call will tell.
    } finally {
      lock.unlock();
    }
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
      if (timedOut) {
        rollBackIfDoomed(); // throws XA_RBTIMEOUT
      }
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
      complete(xid, "prepare", true);
      return XA_OK;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Prepares the ended branch, or commits it in one phase; either way it leaves the connection. A
   * doomed branch is rolled back instead, and a failed PREPARE or COMMIT rolled it back: both
   * answer with an {@code XA_RB*} code.
   */
  private void complete(Xid xid, String what, boolean prepare) throws XAException {
    requireEnded(xid, what);
    rollBackIfDoomed();
    try {
      if (prepare) {
        branch.prepare();
      } else {
        branch.commit();
      }
    } catch (TuskException e) {
      throw rolledBack(what, e);
    } finally {
      finish();
    }
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    lock.lock();
    try {
      if (onePhase) {
        complete(xid, "commit in one phase", false);
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
      if (XaIds.gid(xid).equals(rolledBackGid)) {
        rolledBackGid = null; // end answered XA_RB*: the branch is rolled back already
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
    return timeoutSeconds;
  }

  /**
   * Sets the timeout of the branches started from now on; 0 means none (the default). See the class
   * comment for how it is enforced.
   */
  @Override
  public boolean setTransactionTimeout(int seconds) throws XAException {
    if (seconds < 0) {
      throw XaErrors.of(XAException.XAER_INVAL, "a transaction timeout cannot be negative");
    }
    timeoutSeconds = seconds;
    return true;
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

  /**
   * A branch that timed out, ended with TMFAIL or had a statement fail can only roll back: it is
   * rolled back here, and the caller is told why ({@code XA_RBTIMEOUT} or {@code XA_RBROLLBACK}).
   */
  private void rollBackIfDoomed() throws XAException {
    boolean expired = timedOut;
    if (expired || rollbackOnly || tusk.info().transactionStatus() == TransactionStatus.IN_ERROR) {
      Xid doomed = current;
      try {
        branch.rollback();
      } catch (TuskException e) {
        throw failure("rollback", e);
      } finally {
        finish();
      }
      rolledBackGid = XaIds.gid(doomed);
      throw expired
          ? XaErrors.of(
              XAException.XA_RBTIMEOUT,
              doomed + " was rolled back: it passed its timeout of " + timeoutSeconds + " s")
          : XaErrors.of(
              XAException.XA_RBROLLBACK,
              doomed + " was rolled back: it ended with TMFAIL or one of its statements failed");
    }
  }

  /** The branch has left the connection: it takes back its autocommit mode. */
  private void finish() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
    timedOut = false;
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

  /**
   * A PREPARE or COMMIT that failed on the server rolled the branch back: {@code XA_RB*} says why.
   * If the connection was lost, the outcome is unknown to us: XAER_RMFAIL.
   */
  private XAException rolledBack(String what, TuskException cause) {
    if (tusk.closed()) {
      return failure(what, cause);
    }
    return XaErrors.of(
        XaErrors.rollbackCode(cause),
        what + " failed and rolled the branch back: " + cause.getMessage(),
        cause);
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
