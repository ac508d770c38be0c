package dev.tusk;

/**
 * A result column as the server describes it.
 *
 * @param name the column's name or alias
 * @param typeOid the OID of its data type
 * @param typeName the data type's name, e.g. {@code int4}, {@code text[]}
 * @param typeModifier the type modifier ({@code atttypmod}), -1 when none
 * @param tableOid the OID of the table the column comes from, 0 when it is computed
 * @param tableColumn the column's attribute number in that table, 0 when computed
 */
public record Column(
    String name, int typeOid, String typeName, int typeModifier, int tableOid, int tableColumn) {}
