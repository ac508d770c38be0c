package dev.tusk.jdbc;

import dev.tusk.errors.Diagnostic;
import java.sql.SQLWarning;

/**
 * A server notice ({@code RAISE NOTICE}, {@code RAISE WARNING}, "table does not exist, skipping")
 * as a {@link SQLWarning}: the message, the SQLSTATE, and the notice's full {@link Diagnostic}
 * (detail, hint, context, where) through {@link #diagnostic()}.
 */
public final class NoticeWarning extends SQLWarning {

  private static final long serialVersionUID = 1L;

  private final transient Diagnostic diagnostic;

  NoticeWarning(Diagnostic diagnostic) {
    super(diagnostic.messagePrimary(), diagnostic.sqlState());
    this.diagnostic = diagnostic;
  }

  /** Every field the server sent with the notice. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /** The notice's severity, never localized when the server says it (NOTICE, WARNING, INFO...). */
  public String severity() {
    String severity = diagnostic.severityNonLocalized();
    return severity != null ? severity : diagnostic.severity();
  }
}
