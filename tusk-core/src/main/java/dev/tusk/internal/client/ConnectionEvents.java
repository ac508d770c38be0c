package dev.tusk.internal.client;

import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.Session;

/**
 * Records connections opening and closing as JFR events, when a recording enables them; otherwise
 * costs a flag check and allocates nothing.
 */
final class ConnectionEvents {

  // Probes: isEnabled() on an event instance reads JFR's switch for its class.
  private static final ConnectionOpenEvent OPEN_PROBE = new ConnectionOpenEvent();
  private static final ConnectionCloseEvent CLOSE_PROBE = new ConnectionCloseEvent();

  /** A connection being opened: {@link #opened} or {@link #failed} ends it. */
  interface Opening {
    void opened(Session session);

    void failed(RuntimeException error);
  }

  private static final Opening UNRECORDED =
      new Opening() {
        @Override
        public void opened(Session session) {}

        @Override
        public void failed(RuntimeException error) {}
      };

  private ConnectionEvents() {}

  /** Starts timing a connection attempt with {@code settings}. */
  static Opening opening(ConnectionSettings settings) {
    if (!OPEN_PROBE.isEnabled()) {
      return UNRECORDED;
    }
    ConnectionOpenEvent event = new ConnectionOpenEvent();
    event.begin();
    event.database = settings.database();
    event.user = settings.user();
    return new Opening() {
      @Override
      public void opened(Session session) {
        event.end();
        if (event.shouldCommit()) {
          event.host = session.endpoint().host();
          event.port = session.endpoint().port();
          event.backendPid = session.processId();
          event.commit();
        }
      }

      @Override
      public void failed(RuntimeException error) {
        event.end();
        if (event.shouldCommit()) {
          event.error = String.valueOf(error.getMessage());
          event.commit();
        }
      }
    };
  }

  /** Closes {@code session} (the owner's {@code close()}), recording it. */
  static void close(Session session, ConnectionSettings settings) {
    if (!CLOSE_PROBE.isEnabled()) {
      session.close();
      return;
    }
    ConnectionCloseEvent event = new ConnectionCloseEvent();
    event.alreadyLost = session.isClosed();
    event.begin();
    try {
      session.close();
    } finally {
      event.end();
      if (event.shouldCommit()) {
        event.host = session.endpoint().host();
        event.port = session.endpoint().port();
        event.database = settings.database();
        event.user = settings.user();
        event.backendPid = session.processId();
        event.commit();
      }
    }
  }
}
