package dev.tusk;

import dev.tusk.errors.ProgrammingError;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in row factories, after psycopg's: {@link #row()} (the default), {@link #map()}
 * (dict_row), {@link #record(Class)} (class_row) and {@link #scalar()}.
 */
public final class RowFactories {

  private static final RowFactory<Row> ROW = columns -> row -> row;

  private RowFactories() {}

  /** Rows as {@link Row}s: values by index or name, decoded when read. */
  public static RowFactory<Row> row() {
    return ROW;
  }

  /**
   * Rows as unmodifiable maps from column name to value, in column order. When several columns
   * share a name, the last one wins, as in psycopg's dict_row; alias them to keep both.
   */
  public static RowFactory<Map<String, Object>> map() {
    return columns -> new RowMap.Keys(columns)::read;
  }

  /** The first column's value of each row; for results with exactly one column. */
  public static RowFactory<Object> scalar() {
    return scalar(Object.class);
  }

  /** The first column's value of each row as {@code type}. */
  public static <T> RowFactory<T> scalar(Class<T> type) {
    return columns -> {
      if (columns.isEmpty()) {
        throw new ProgrammingError("a scalar row needs a result with at least one column");
      }
      return row -> row.get(0, type);
    };
  }

  /**
   * Rows as instances of {@code type}, matched to columns by name: a Java record through its
   * canonical constructor, or a class with a public no-argument constructor through public setters
   * or fields. A column {@code created_at} matches a component {@code created_at} or {@code
   * createdAt}. A column with no component, or a component with no column, is an error that names
   * both lists.
   */
  public static <T> RowFactory<T> record(Class<T> type) {
    return record(type, ExtraColumns.REFUSE);
  }

  /**
   * Like {@link #record(Class)}, choosing what a column with no component (or setter) is: an error
   * ({@link ExtraColumns#REFUSE}, the default), or ignored ({@link ExtraColumns#IGNORE}), so that a
   * {@code SELECT *} mapping survives the table gaining a column. A component with no column is an
   * error either way, naming the components without a column.
   */
  public static <T> RowFactory<T> record(Class<T> type, ExtraColumns extra) {
    Objects.requireNonNull(extra, "extra");
    return columns -> RecordMapping.of(type, columns, extra);
  }

  static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
