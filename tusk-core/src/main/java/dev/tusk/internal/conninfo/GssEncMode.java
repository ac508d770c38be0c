package dev.tusk.internal.conninfo;

import java.util.Optional;

/** libpq's {@code gssencmode}: whether the session is encrypted by GSSAPI (Kerberos). */
public enum GssEncMode {
  /** Never ask for GSSAPI encryption. */
  DISABLE("disable"),
  /**
   * Ask for GSSAPI encryption first when the client has Kerberos credentials; go on with {@code
   * sslmode}'s methods if the server refuses or the negotiation fails (the default).
   */
  PREFER("prefer"),
  /** GSSAPI encryption or no connection; {@code sslmode} is then not used at all, as in libpq. */
  REQUIRE("require");

  /** The spellings libpq accepts, for error messages. */
  static final String SPELLINGS = "disable, prefer, require";

  private final String keyword;

  GssEncMode(String keyword) {
    this.keyword = keyword;
  }

  /** The libpq spelling. */
  public String keyword() {
    return keyword;
  }

  /** The mode spelled {@code text} (exact and lower case, like libpq), if there is one. */
  static Optional<GssEncMode> find(String text) {
    for (GssEncMode mode : values()) {
      if (mode.keyword.equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
