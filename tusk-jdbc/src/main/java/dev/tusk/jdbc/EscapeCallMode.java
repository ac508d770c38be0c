package dev.tusk.jdbc;

import java.sql.SQLException;

/**
 * What a {@code {call ...}} escape of {@code prepareCall} runs as: pgjdbc's {@code
 * escapeSyntaxCallMode}, with its three values and its default.
 */
enum EscapeCallMode {
  /** Always {@code SELECT}: the escape calls a function (pgjdbc's default). */
  SELECT("select"),
  /** {@code CALL} when the escape has no {@code ? =} return value, else {@code SELECT}. */
  CALL_IF_NO_RETURN("callIfNoReturn"),
  /** Always {@code CALL}: the escape calls a procedure. */
  CALL("call");

  private final String value;

  EscapeCallMode(String value) {
    this.value = value;
  }

  /** Whether an escape with or without a return value runs as a procedure's {@code CALL}. */
  boolean runsAsCall(boolean returnsValue) {
    return this == CALL || (this == CALL_IF_NO_RETURN && !returnsValue);
  }

  /** The property's value as pgjdbc spells it. */
  String value() {
    return value;
  }

  /** The mode a property value names (exactly as pgjdbc spells it). */
  static EscapeCallMode of(String value) throws SQLException {
    for (EscapeCallMode mode : values()) {
      if (mode.value.equals(value)) {
        return mode;
      }
    }
    throw new SQLException(
        "unsupported escapeSyntaxCallMode \"" + value + "\": use select, callIfNoReturn or call",
        "08001");
  }
}
