package dev.tusk.bench.driver;

import dev.tusk.bench.data.WideRow;
import dev.tusk.bench.harness.Sink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads a pgjdbc row's values as their Java types, shared by pgjdbc and HikariCP cells. */
final class PgjdbcValues {

  private PgjdbcValues() {}

  /** The current account row (id, name, email, balance, created_at). */
  static void takeAccount(ResultSet result, Sink sink) throws SQLException {
    sink.take(result.getLong(1));
    sink.take(result.getString(2));
    sink.take(result.getString(3));
    sink.take(result.getBigDecimal(4));
    sink.take(result.getObject(5, OffsetDateTime.class));
  }

  /** The current wide row (int8, text, float8, numeric, timestamptz, bool, uuid). */
  static void takeWide(ResultSet result, Sink sink) throws SQLException {
    sink.take(result.getLong(1));
    sink.take(result.getString(2));
    sink.take(result.getDouble(3));
    sink.take(result.getBigDecimal(4));
    sink.take(result.getObject(5, OffsetDateTime.class));
    sink.take(result.getBoolean(6));
    sink.take(result.getObject(7, UUID.class));
  }

  /** The current row of the wide rows as a {@link WideRow}, read with c's getters. */
  static WideRow wideRow(ResultSet result) throws SQLException {
    return new WideRow(
        result.getLong(1),
        result.getString(2),
        result.getDouble(3),
        result.getBigDecimal(4),
        result.getObject(5, OffsetDateTime.class),
        result.getBoolean(6),
        result.getObject(7, UUID.class));
  }

  /** Takes one row of {@code Tables.TYPED_SELECT}: the wide columns, a jsonb and an int4[]. */
  static void takeTyped(ResultSet result, Sink sink) throws SQLException {
    takeWide(result, sink);
    sink.take(result.getString(8));
    sink.take(result.getArray(9).getArray());
  }

  /** Selects account {@code id} with {@code statement} (the point select, prepared). */
  static void selectAccount(PreparedStatement statement, long id, Sink sink) throws SQLException {
    statement.setLong(1, id);
    try (ResultSet result = statement.executeQuery()) {
      result.next();
      takeAccount(result, sink);
    }
  }
}
