package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.internal.protocol.NotificationResponse;
import java.util.function.Consumer;

/**
 * Where the messages a server sends unasked go: notices and notifications. Listeners run on the
 * thread that reads for the session, so they must be quick and must not block; the client layer
 * hands them on to the user.
 */
public final class ServerEvents {

  private volatile Consumer<Diagnostic> noticeListener = notice -> {};
  private volatile Consumer<NotificationResponse> notificationListener =
      notification -> NoticeLog.notificationDropped(notification.channel());

  /** Sets the notice listener; notices are logged whether or not one is set. */
  public void onNotice(Consumer<Diagnostic> listener) {
    noticeListener = listener;
  }

  /** Replaces the notification listener (by default notifications are dropped with a log line). */
  public void onNotification(Consumer<NotificationResponse> listener) {
    notificationListener = listener;
  }

  void notice(Diagnostic notice) {
    NoticeLog.log(notice);
    noticeListener.accept(notice);
  }

  void notification(NotificationResponse notification) {
    notificationListener.accept(notification);
  }
}
