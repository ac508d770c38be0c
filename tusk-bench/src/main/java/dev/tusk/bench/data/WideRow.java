package dev.tusk.bench.data;

import dev.tusk.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row to load: (int8, text, float8, numeric(12,2), timestamptz, bool, uuid).
 *
 * @param id int8
 * @param label text of 20 characters
 * @param score float8
 * @param amount numeric(12,2)
 * @param at timestamptz, in UTC
 * @param flag bool
 * @param uid uuid
 */
public record WideRow(
    long id,
    String label,
    double score,
    BigDecimal amount,
    OffsetDateTime at,
    boolean flag,
    UUID uid) {

  /** The row read from Tusk's {@code row} of these columns, with each value's getter. */
  public static WideRow of(Row row) {
    return new WideRow(
        row.getLong(0),
        row.getString(1),
        row.getDouble(2),
        row.getBigDecimal(3),
        row.getOffsetDateTime(4),
        row.getBoolean(5),
        row.getUuid(6));
  }

  /** The values as a parameter set, in column order. */
  public Object[] parameters() {
    return new Object[] {id, label, score, amount, at, flag, uid};
  }
}
