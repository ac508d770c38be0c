package dev.tusk.jdbc;

/**
 * The settings of a connection that live in the JDBC layer rather than in Tusk's conninfo.
 *
 * @param defaultFetchSize each statement's initial fetch size ({@code defaultRowFetchSize})
 * @param stringUnspecified whether {@code setString} sends its value untyped, for the server to
 *     infer ({@code stringtype=unspecified}), rather than as {@code text}
 * @param readOnly whether the connection starts read-only ({@code readOnly})
 * @param networkTimeoutMillis the initial {@link java.sql.Connection#getNetworkTimeout()} ({@code
 *     socketTimeout}), 0 for none
 * @param callMode what {@code prepareCall}'s {@code {call ...}} escapes run as ({@code
 *     escapeSyntaxCallMode})
 */
record JdbcSettings(
    int defaultFetchSize,
    boolean stringUnspecified,
    boolean readOnly,
    int networkTimeoutMillis,
    EscapeCallMode callMode) {

  static final JdbcSettings DEFAULT = new JdbcSettings(0, false, false, 0, EscapeCallMode.SELECT);

  /** Collects the settings while the properties are read. */
  static final class Builder {
    private int defaultFetchSize;
    private boolean stringUnspecified;
    private boolean readOnly;
    private int networkTimeoutMillis;
    private EscapeCallMode callMode = EscapeCallMode.SELECT;

    void defaultFetchSize(int value) {
      defaultFetchSize = value;
    }

    void stringUnspecified(boolean value) {
      stringUnspecified = value;
    }

    void readOnly(boolean value) {
      readOnly = value;
    }

    void networkTimeoutMillis(int value) {
      networkTimeoutMillis = value;
    }

    void callMode(EscapeCallMode value) {
      callMode = value;
    }

    JdbcSettings build() {
      return new JdbcSettings(
          defaultFetchSize, stringUnspecified, readOnly, networkTimeoutMillis, callMode);
    }
  }
}
