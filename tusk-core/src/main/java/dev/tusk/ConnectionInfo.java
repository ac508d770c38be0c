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
}
