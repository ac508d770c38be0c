package dev.tusk.internal.client;

import dev.tusk.ConnectionInfo;
import dev.tusk.TransactionStatus;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.RoleWatch;
import dev.tusk.internal.engine.Session;
import java.util.Map;

/** {@link ConnectionInfo} read live from a session. */
final class SessionInfo implements ConnectionInfo {

  private final Session session;
  private final ConnectionSettings settings;
  private final RoleWatch role;

  /** The info of {@code session}, just opened with {@code settings}. */
  SessionInfo(Session session, ConnectionSettings settings) {
    this.session = session;
    this.settings = settings;
    this.role = new RoleWatch(session, settings.targetSessionAttrs());
  }

  @Override
  public String host() {
    return session.endpoint().host();
  }

  @Override
  public int port() {
    return session.endpoint().port();
  }

  @Override
  public String database() {
    return settings.database();
  }

  @Override
  public String user() {
    return settings.user();
  }

  @Override
  public int serverVersion() {
    return session.serverVersion();
  }

  @Override
  public int backendPid() {
    return session.processId();
  }

  @Override
  public TransactionStatus transactionStatus() {
    if (session.isClosed()) {
      return TransactionStatus.UNKNOWN;
    }
    return switch (session.transactionStatus()) {
      case 'T' -> TransactionStatus.IN_TRANSACTION;
      case 'E' -> TransactionStatus.IN_ERROR;
      default -> TransactionStatus.IDLE;
    };
  }

  @Override
  public String parameter(String name) {
    return session.parameter(name);
  }

  @Override
  public Map<String, String> parameters() {
    return session.parameters();
  }

  @Override
  public String targetSessionAttrs() {
    return settings.targetSessionAttrs().keyword();
  }

  @Override
  public boolean qualifies() {
    return role.qualifies();
  }

  @Override
  public String toString() {
    return "ConnectionInfo["
        + user()
        + "@"
        + session.endpoint()
        + "/"
        + database()
        + ", server "
        + serverVersion()
        + ", pid "
        + backendPid()
        + "]";
  }
}
