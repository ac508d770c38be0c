package dev.tusk.internal.conninfo;

import java.util.Optional;
import java.util.Set;

/**
 * A libpq keyword for a feature Tusk lacks. It is accepted only with a value that asks for nothing
 * Tusk would have to do (the empty string always qualifies), so that a connection string written
 * for libpq never silently loses a requirement. docs/security.md gives the reason for each.
 */
enum UnsupportedKeyword {
  GSSLIB("gsslib", "PGGSSLIB", false, "gssapi"),
  SSLCOMPRESSION("sslcompression", "PGSSLCOMPRESSION", false, "0"),
  SSLKEYLOGFILE("sslkeylogfile", null, false),
  TCP_USER_TIMEOUT("tcp_user_timeout", null, false, "0"),
  REPLICATION("replication", null, false, "0", "false", "off", "no");

  private final String word;
  private final String environmentVariable;
  private final boolean secret;
  private final Set<String> noOpValues;

  UnsupportedKeyword(String word, String environmentVariable, boolean secret, String... noOps) {
    this.word = word;
    this.environmentVariable = environmentVariable;
    this.secret = secret;
    this.noOpValues = Set.of(noOps);
  }

  /** The keyword as written in a connection string. */
  String word() {
    return word;
  }

  /** The PG* variable libpq reads for it, or null. */
  String environmentVariable() {
    return environmentVariable;
  }

  /** Whether values must never be echoed. */
  boolean isSecret() {
    return secret;
  }

  /** Whether {@code value} leaves Tusk nothing to do. */
  boolean isNoOp(String value) {
    return value.isEmpty() || noOpValues.contains(value);
  }

  /** The accepted values for an error message. */
  String describeNoOpValues() {
    return noOpValues.isEmpty()
        ? "only an empty value"
        : "only an empty value or " + String.join(", ", noOpValues.stream().sorted().toList());
  }

  /** The keyword spelled {@code word}, if it is one of these. */
  static Optional<UnsupportedKeyword> find(String word) {
    for (UnsupportedKeyword keyword : values()) {
      if (keyword.word.equals(word)) {
        return Optional.of(keyword);
      }
    }
    return Optional.empty();
  }
}
