package dev.tusk.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server told this session about itself: its parameters (kept current from
 * ParameterStatus), the backend's cancel key and the transaction status of the last ReadyForQuery.
 * Written by the reader thread, read by any caller.
 */
final class ServerState {

  private final Map<String, String> parameters = new ConcurrentHashMap<>();

  // The parameters every query reads (the codecs' text formats and the zone binary timestamps are
  // shown in), also kept as fields: reading them costs no map lookup. Written with the map.
  private volatile String timeZone;
  private volatile String dateStyle;
  private volatile String intervalStyle;

  private volatile int processId;
  private volatile byte[] secretKey = new byte[0];
  private volatile char transactionStatus = 'I';
  private volatile boolean refusedWrite;

  void parameter(String name, String value) {
    parameters.put(name, value);
    switch (name) {
      case "TimeZone" -> timeZone = value;
      case "DateStyle" -> dateStyle = value;
      case "IntervalStyle" -> intervalStyle = value;
      default -> {
        // Read from the map only.
      }
    }
  }

  String parameter(String name) {
    return switch (name) {
      case "TimeZone" -> timeZone;
      case "DateStyle" -> dateStyle;
      case "IntervalStyle" -> intervalStyle;
      default -> parameters.get(name);
    };
  }

  Map<String, String> parameters() {
    return Map.copyOf(parameters);
  }

  void backendKey(int processId, byte[] secretKey) {
    this.processId = processId;
    this.secretKey = secretKey.clone();
  }

  int processId() {
    return processId;
  }

  byte[] secretKey() {
    return secretKey.clone();
  }

  void transactionStatus(char status) {
    this.transactionStatus = status;
  }

  /** Notes that the server refused a write as read-only (SQLSTATE 25006). */
  void writeRefused() {
    refusedWrite = true;
  }

  /** Whether the server has refused a write as read-only since start-up. */
  boolean refusedWrite() {
    return refusedWrite;
  }

  /** 'I' idle, 'T' in a transaction, 'E' in a failed transaction. */
  char transactionStatus() {
    return transactionStatus;
  }

  /**
   * The server version as PQserverVersion computes it: 170002 for "17.2", 90624 for "9.6.24"; 0 if
   * unknown.
   */
  int serverVersion() {
    String text = parameters.get("server_version");
    return text == null ? 0 : ServerVersion.parse(text);
  }
}
