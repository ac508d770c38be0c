package dev.tusk;

import java.util.Map;

/** What a connection is attached to, kept current as the server reports changes. */
public interface ConnectionInfo {

  /** The host name, address or Unix-socket directory connected to. */
  String host();

  /** The port connected to. */
  int port();

  /** The database name. */
  String database();

  /** The user name the session authenticated as. */
  String user();

  /** The server version as a number, e.g. 170002 for 17.2 (as libpq's PQserverVersion). */
  int serverVersion();

  /** The process ID of the server backend serving this connection. */
  int backendPid();

  /** The transaction state after the last completed request. */
  TransactionStatus transactionStatus();

  /** A server parameter reported by ParameterStatus (e.g. {@code TimeZone}), or null. */
  String parameter(String name);

  /** All server parameters reported so far. */
  Map<String, String> parameters();

  /**
   * The {@code target_session_attrs} the connection was opened with, in libpq's spelling ({@code
   * any} unless the connection string set it).
   */
  default String targetSessionAttrs() {
    return "any";
  }

  /**
   * Whether the server still qualifies for {@link #targetSessionAttrs()}, as far as it has told
   * this connection since it was opened; it costs no round trip. A failover can change a server
   * under an open connection: PostgreSQL 14 and later report {@code in_hot_standby} and {@code
   * default_transaction_read_only} with the response to the next statement after they change, so a
   * promoted standby no longer qualifies for {@code standby} or {@code read-only}, and a primary
   * made read-only no longer for {@code read-write}. An older server tells only by refusing a write
   * with SQLSTATE 25006, which disqualifies it for {@code read-write}. A {@code prefer-standby}
   * connection that fell back to a primary always qualifies. Pools discard a connection that no
   * longer qualifies.
   */
  default boolean qualifies() {
    return true;
  }
}
