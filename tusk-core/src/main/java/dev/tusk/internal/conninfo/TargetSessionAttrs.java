package dev.tusk.internal.conninfo;

import java.util.Optional;

/**
 * libpq's {@code target_session_attrs}: which kind of server a connection accepts. A server that
 * does not qualify is disconnected and the next host is tried.
 */
public enum TargetSessionAttrs {
  /** Any server (the default). */
  ANY("any"),
  /** A server whose sessions accept writes by default: neither a standby nor read-only. */
  READ_WRITE("read-write"),
  /** A server whose sessions are read-only by default: a standby, or one set read-only. */
  READ_ONLY("read-only"),
  /** A server that is not in hot standby. */
  PRIMARY("primary"),
  /** A server in hot standby. */
  STANDBY("standby"),
  /** A standby if one answers; otherwise, in a second pass over the hosts, any server. */
  PREFER_STANDBY("prefer-standby");

  /** The spellings libpq accepts, for error messages. */
  static final String SPELLINGS = "any, read-write, read-only, primary, standby, prefer-standby";

  private final String keyword;

  TargetSessionAttrs(String keyword) {
    this.keyword = keyword;
  }

  /** The libpq spelling, e.g. {@code read-write}. */
  public String keyword() {
    return keyword;
  }

  /** The value with the libpq spelling {@code text}, if there is one. */
  static Optional<TargetSessionAttrs> find(String text) {
    for (TargetSessionAttrs value : values()) {
      if (value.keyword.equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
