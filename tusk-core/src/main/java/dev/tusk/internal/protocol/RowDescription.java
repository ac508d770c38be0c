package dev.tusk.internal.protocol;

/**
 * The columns of the rows that follow (RowDescription, type 'T').
 *
 * @param fields one entry per column, in order
 */
public record RowDescription(Field[] fields) implements BackendMessage {

  /**
   * One column of a RowDescription. Object ids are unsigned on the server; values above {@code
   * Integer.MAX_VALUE} appear here as negative ints with the same bits.
   *
   * @param name the column name
   * @param tableOid the table's oid if the column is a plain table column, else 0
   * @param columnAttribute the column's attribute number in that table, else 0
   * @param typeOid the column's data type oid
   * @param typeSize the type's size ({@code pg_type.typlen}); negative for variable-width types
   * @param typeModifier the type modifier ({@code pg_attribute.atttypmod}), type-specific
   * @param format the format the values are sent in: 0 text, 1 binary
   */
  public record Field(
      String name,
      int tableOid,
      int columnAttribute,
      int typeOid,
      int typeSize,
      int typeModifier,
      int format) {}
}
