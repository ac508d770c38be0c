package dev.tusk.jdbc;

import dev.tusk.InlineNoticeHandler;
import dev.tusk.errors.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives each server notice to the JDBC object whose work caused it. The server's notices carry
 * nothing that names the request they belong to, and Tusk delivers them on whichever thread reads
 * the socket, so a notice is attributed by time: to the one statement (or streaming result set) of
 * this connection that runs while it arrives. When several run at once (threads sharing the
 * connection) or none does (a statement through the Tusk API, a commit), the notice could belong to
 * any of them and goes to the connection's warnings instead, so one thread's notices never reach
 * another thread's statement.
 */
final class NoticeRouting implements InlineNoticeHandler {

  private final WarningChain connectionWarnings = new WarningChain();
  private final ReentrantLock lock = new ReentrantLock();
  private final List<WarningChain> running = new ArrayList<>(2); // guarded by lock

  /** The connection's own warnings. */
  WarningChain connectionWarnings() {
    return connectionWarnings;
  }

  /** Notices from now on may belong to {@code target}, until {@link #end}. */
  void begin(WarningChain target) {
    lock.lock();
    try {
      running.add(target);
    } finally {
      lock.unlock();
    }
  }

  /** {@code target}'s work is over. */
  void end(WarningChain target) {
    lock.lock();
    try {
      running.remove(target);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void accept(Diagnostic notice) {
    WarningChain target;
    lock.lock();
    try {
      target = running.size() == 1 ? running.get(0) : connectionWarnings;
    } finally {
      lock.unlock();
    }
    target.add(new NoticeWarning(notice));
  }
}
