package dev.tusk.jdbc;

import dev.tusk.InlineNoticeHandler;
import dev.tusk.errors.Diagnostic;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gives each server notice to the JDBC object whose work caused it. The server's notices carry
 * nothing that names the request they belong to, and Tusk delivers them on whichever thread reads
 * the socket, so a notice is attributed by time: to the one statement (or streaming result set) of
 * this connection that runs while it arrives. When several run at once (threads sharing the
 * connection) or none does (a statement through the Tusk API, a commit), the notice could belong to
 * any of them and goes to the connection's warnings instead, so one thread's notices never reach
 * another thread's statement.
 *
 * <p>Every execution begins and ends here, so the set of running targets is one immutable value
 * swapped by compare-and-set, with no lock: nothing while no statement runs, the target itself
 * while one does (the usual case, which allocates nothing), an array of them while several do.
 */
final class NoticeRouting implements InlineNoticeHandler {

  private final WarningChain connectionWarnings = new WarningChain();

  /** null, the one running {@link WarningChain}, or a {@code WarningChain[]} of several. */
  private final AtomicReference<Object> running = new AtomicReference<>();

  /** The connection's own warnings. */
  WarningChain connectionWarnings() {
    return connectionWarnings;
  }

  /** Notices from now on may belong to {@code target}, until {@link #end}. */
  void begin(WarningChain target) {
    Object now;
    do {
      now = running.get();
    } while (!running.compareAndSet(now, with(now, target)));
  }

  /** {@code target}'s work is over. */
  void end(WarningChain target) {
    Object now;
    do {
      now = running.get();
    } while (!running.compareAndSet(now, without(now, target)));
  }

  @Override
  public void accept(Diagnostic notice) {
    WarningChain target = running.get() instanceof WarningChain only ? only : connectionWarnings;
    target.add(new NoticeWarning(notice));
  }

  /** The running set {@code now} with {@code target} added (it may run twice: counted twice). */
  private static Object with(Object now, WarningChain target) {
    if (now == null) {
      return target;
    }
    if (now instanceof WarningChain only) {
      return new WarningChain[] {only, target};
    }
    WarningChain[] several = (WarningChain[]) now;
    WarningChain[] more = Arrays.copyOf(several, several.length + 1);
    more[several.length] = target;
    return more;
  }

  /** The running set {@code now} with one occurrence of {@code target} taken out. */
  private static Object without(Object now, WarningChain target) {
    if (now == target) {
      return null;
    }
    if (!(now instanceof WarningChain[] several)) {
      return now; // not running: nothing to take out
    }
    int at = -1;
    for (int i = 0; i < several.length && at < 0; i++) {
      if (several[i] == target) {
        at = i;
      }
    }
    if (at < 0) {
      return now;
    }
    if (several.length == 2) {
      return several[1 - at];
    }
    WarningChain[] fewer = new WarningChain[several.length - 1];
    System.arraycopy(several, 0, fewer, 0, at);
    System.arraycopy(several, at + 1, fewer, at, several.length - at - 1);
    return fewer;
  }
}
