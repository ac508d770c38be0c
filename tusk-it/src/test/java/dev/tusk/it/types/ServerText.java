package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;

/**
 * The server's own text output as the oracle for the driver: for what it encodes (the server must
 * print a parameter exactly as it prints a literal of the same value) and for what it renders (a
 * value read as a String in the binary format must equal the server's text-format output).
 */
final class ServerText {

  private ServerText() {}

  /**
   * Asserts that the server prints parameter {@code value}, cast to {@code type}, as it prints
   * {@code literal} read by that type's input function, and that the driver reads the value as a
   * String in the binary format exactly as the server writes it in the text format. Returns both
   * runs' rows, whose column 0 is the value.
   */
  static BothFormats.Rows assertSameAsLiteral(
      Connection conn, String type, Object value, String literal) {
    String sql = "SELECT $1::" + type + ", $1::" + type + "::text, $2::" + type + "::text";
    BothFormats.Rows rows = BothFormats.run(conn, sql, value, literal);
    assertEquals(
        rows.text().getString(2),
        rows.text().getString(1),
        () -> "the server's text of parameter " + value + " as " + type + " vs literal " + literal);
    assertEquals(
        rows.text().get(0, String.class),
        rows.binary().get(0, String.class),
        () -> "the driver's text of a binary " + type + " vs the server's output");
    return rows;
  }

  /**
   * {@link #assertSameAsLiteral}, and the value decodes to {@code expected} by default in both
   * formats. One statement checks it all, for property tests that run many.
   */
  static void assertRoundTrip(
      Connection conn, String type, Object value, String literal, Object expected) {
    BothFormats.Rows rows = assertSameAsLiteral(conn, type, value, literal);
    for (BothFormats.Format format : BothFormats.Format.values()) {
      BothFormats.assertDecoded(expected, rows.in(format).get(0), format, type + " " + literal);
    }
  }
}
