package dev.tusk.errors;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of a PostgreSQL ErrorResponse or NoticeResponse, by the protocol's one-byte field
 * code, with a named accessor for each documented field. Immutable.
 */
public final class Diagnostic implements Serializable {

  private static final long serialVersionUID = 1L;

  // A LinkedHashMap, a serializable type, so that errors carrying a diagnostic serialize whole;
  // never modified after construction.
  private final LinkedHashMap<Character, String> fields;
  private final boolean fromServer;

  private Diagnostic(Map<Character, String> fields, boolean fromServer) {
    this.fields = new LinkedHashMap<>(fields);
    this.fromServer = fromServer;
  }

  /** Wraps the fields of an ErrorResponse or NoticeResponse, keyed by their field code. */
  public static Diagnostic of(Map<Character, String> fields) {
    return new Diagnostic(fields, true);
  }

  /**
   * A diagnostic made by the driver for a failure the server did not report (a lost connection, a
   * timeout), with the SQLSTATE the server would use, or null. It has the fields a server's would
   * (severity ERROR, the SQLSTATE, the message), but {@link #describe()} renders it so that it
   * cannot be mistaken for the server's words: {@code tusk: the connection is closed [SQLSTATE
   * 08003]}.
   */
  public static Diagnostic client(String sqlState, String message) {
    Map<Character, String> fields = new LinkedHashMap<>();
    fields.put('S', "ERROR");
    fields.put('V', "ERROR");
    if (sqlState != null) {
      fields.put('C', sqlState);
    }
    fields.put('M', message == null ? "" : message);
    return new Diagnostic(fields, false);
  }

  /**
   * Whether the server sent this diagnostic (an ErrorResponse or NoticeResponse), rather than the
   * driver making it for a failure of its own ({@link #client}).
   */
  public boolean fromServer() {
    return fromServer;
  }

  /** The raw field by protocol code (for example {@code 'C'} for the SQLSTATE), or null. */
  public String field(char code) {
    return fields.get(code);
  }

  /** All fields present, by protocol code, in the order the server sent them. */
  public Map<Character, String> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /** The SQLSTATE code (field C), or null. */
  public String sqlState() {
    return fields.get('C');
  }

  /** The severity, possibly localized (field S): ERROR, FATAL, PANIC, WARNING, NOTICE... */
  public String severity() {
    return fields.get('S');
  }

  /** The severity, never localized (field V; servers 9.6+), or null. */
  public String severityNonLocalized() {
    return fields.get('V');
  }

  /** The primary human-readable message (field M). */
  public String messagePrimary() {
    return fields.get('M');
  }

  /** An optional secondary message with more detail (field D), or null. */
  public String messageDetail() {
    return fields.get('D');
  }

  /** An optional suggestion what to do about the problem (field H), or null. */
  public String messageHint() {
    return fields.get('H');
  }

  /** The 1-based character position in the statement where the error was found (field P). */
  public Integer statementPosition() {
    return position('P');
  }

  /** The position within an internally generated command (field p), or null. */
  public Integer internalPosition() {
    return position('p');
  }

  /** The text of the internally generated command that failed (field q), or null. */
  public String internalQuery() {
    return fields.get('q');
  }

  /** The context in which the error occurred, such as a call stack of functions (field W). */
  public String context() {
    return fields.get('W');
  }

  /** The schema of the object the error is about (field s), or null. */
  public String schemaName() {
    return fields.get('s');
  }

  /** The table the error is about (field t), or null. */
  public String tableName() {
    return fields.get('t');
  }

  /** The column the error is about (field c), or null. */
  public String columnName() {
    return fields.get('c');
  }

  /** The data type the error is about (field d), or null. */
  public String dataTypeName() {
    return fields.get('d');
  }

  /** The constraint the error is about (field n), or null. */
  public String constraintName() {
    return fields.get('n');
  }

  /** The server source file that reported the error (field F), or null. */
  public String sourceFile() {
    return fields.get('F');
  }

  /** The line in the server source file (field L), or null. */
  public String sourceLine() {
    return fields.get('L');
  }

  /** The server routine that reported the error (field R), or null. */
  public String sourceFunction() {
    return fields.get('R');
  }

  /**
   * A one-paragraph text for exception messages and logs: severity, message, SQLSTATE, then detail
   * and hint on lines of their own when present. A diagnostic the driver made starts with {@code
   * tusk:} instead of a severity and puts its SQLSTATE in brackets, so a log reader can tell the
   * driver's words from the server's.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    String severity = severityNonLocalized() != null ? severityNonLocalized() : severity();
    if (!fromServer) {
      text.append("tusk: ");
    } else if (severity != null) {
      text.append(severity).append(": ");
    }
    text.append(messagePrimary() == null ? "" : messagePrimary());
    if (sqlState() != null) {
      text.append(fromServer ? " (SQLSTATE " : " [SQLSTATE ")
          .append(sqlState())
          .append(fromServer ? ')' : ']');
    }
    appendLine(text, "DETAIL", messageDetail());
    appendLine(text, "HINT", messageHint());
    return text.toString();
  }

  private static void appendLine(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append('\n').append(label).append(": ").append(value);
    }
  }

  private Integer position(char code) {
    String value = fields.get(code);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
