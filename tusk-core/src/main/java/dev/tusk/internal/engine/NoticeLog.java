package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import java.lang.System.Logger.Level;

/**
 * Where server notices go until a listener API exists: the {@code dev.tusk.notice} logger, at
 * WARNING for the server's warnings and DEBUG for the chatter (NOTICE, INFO, LOG, DEBUG), so that
 * "table does not exist, skipping" does not reach a console by default.
 */
final class NoticeLog {

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.notice");

  private NoticeLog() {}

  static void log(Diagnostic notice) {
    String severity = notice.severityNonLocalized();
    Level level = "WARNING".equals(severity) ? Level.WARNING : Level.DEBUG;
    if (LOGGER.isLoggable(level)) {
      LOGGER.log(level, notice.describe());
    }
  }

  static void notificationDropped(String channel) {
    LOGGER.log(Level.DEBUG, "notification on channel {0} dropped: nobody listens", channel);
  }
}
