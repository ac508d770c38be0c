package dev.tusk;

import dev.tusk.errors.ProgrammingError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    return columns ->
        row -> {
          Map<String, Object> values = new LinkedHashMap<>(columns.size() * 2);
          for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i).name(), row.get(i));
          }
          return Collections.unmodifiableMap(values);
        };
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
    return columns -> RecordMapping.of(type, columns);
  }

  static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
