package dev.tusk.internal.engine;

import dev.tusk.internal.protocol.RowDescription;

/**
 * A named server-side prepared statement of one session, and its description once the server has
 * answered the Describe sent with its Parse. With the description cached, an execution needs only
 * Bind and Execute: no Parse, no Describe.
 *
 * <p>Written by the session's reader thread (the description) and read by callers; the fields are
 * volatile so that a caller planning a later request sees what the reader stored.
 */
public final class PreparedStatement {

  /** The result description for one choice of result formats, computed once per choice. */
  private record Formatted(short[] formats, RowDescription description) {}

  private static final RowDescription NO_ROWS = new RowDescription(new RowDescription.Field[0]);

  private final String name;
  private final String sql;
  private final int[] parameterTypes;
  private volatile RowDescription description;
  private volatile Formatted formatted;

  /** The result formats a client chose, and whose choice it was (its type registry). */
  private record Chosen(Object chooser, short[] formats) {}

  private volatile Chosen chosen;

  /**
   * @param name the statement's name on the server, unique in the session
   * @param sql the statement's text
   * @param parameterTypes the parameter type OIDs it is parsed with (0: inferred)
   */
  public PreparedStatement(String name, String sql, int[] parameterTypes) {
    this.name = name;
    this.sql = sql;
    this.parameterTypes = parameterTypes;
  }

  /** The statement's name on the server. */
  public String name() {
    return name;
  }

  /** The statement's text. */
  public String sql() {
    return sql;
  }

  int[] parameterTypes() {
    return parameterTypes;
  }

  /** Whether the server has described it: from then on it can run by Bind and Execute alone. */
  public boolean isDescribed() {
    return description != null;
  }

  /**
   * Its result columns as the server described them (every format 0), or null when it returns no
   * rows. Only meaningful once {@link #isDescribed()}.
   */
  public RowDescription description() {
    RowDescription known = description;
    return known == NO_ROWS ? null : known;
  }

  /** The result formats {@code chooser} chose for it once described, or null. */
  public short[] resultFormats(Object chooser) {
    Chosen last = chosen;
    return last != null && last.chooser() == chooser ? last.formats() : null;
  }

  /** Stores the result formats {@code chooser} chose: the same array for every run. */
  public void resultFormats(Object chooser, short[] formats) {
    chosen = new Chosen(chooser, formats);
  }

  /** Stores the statement's description; {@code null} for NoData. */
  void described(RowDescription columns) {
    description = columns == null ? NO_ROWS : columns;
  }

  /**
   * The description of an execution that asked for {@code formats} (as Bind takes them): the
   * statement's columns with those formats. Cached for the last formats array asked for, which is
   * the same array on every run of a cached statement.
   */
  RowDescription resultDescription(short[] formats) {
    RowDescription columns = description();
    if (columns == null) {
      return null;
    }
    Formatted last = formatted;
    if (last != null && last.formats() == formats) {
      return last.description();
    }
    RowDescription.Field[] fields = columns.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      RowDescription.Field field = fields[i];
      int format = formats.length == 0 ? 0 : formats[formats.length == 1 ? 0 : i];
      fields[i] =
          new RowDescription.Field(
              field.name(),
              field.tableOid(),
              field.columnAttribute(),
              field.typeOid(),
              field.typeSize(),
              field.typeModifier(),
              format);
    }
    RowDescription result = new RowDescription(fields);
    formatted = new Formatted(formats, result);
    return result;
  }

  @Override
  public String toString() {
    return "PreparedStatement[" + name + "]";
  }
}
