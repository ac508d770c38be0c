package dev.tusk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One result row. Values are decoded when read, each to its PostgreSQL type's natural Java type
 * ({@code int4} to {@link Integer}, {@code timestamptz} to {@link OffsetDateTime}, ...), or to the
 * Java type asked for where the conversion is exact. SQL NULL is {@code null}.
 *
 * <p>The primitive getters {@link #getInt}, {@link #getLong}, {@link #getDouble} and {@link
 * #getBoolean} are the fast way to read numbers and booleans: the driver's rows read a binary value
 * of the matching built-in type straight from the row, with no boxing and no registry lookup, and
 * fall back to {@code get(i, Integer.class)} (and so on) for anything else. {@link
 * RowFactories#record(Class)} reads primitive components through them.
 */
public interface Row {

  /** The number of columns. */
  int size();

  /** The column names, in order. */
  List<String> columnNames();

  /** The columns, in order. */
  List<Column> columns();

  /** The value of column {@code index} (0-based) as its natural Java type. */
  Object get(int index);

  /** The value of the column named {@code name} (the first one, if several share it). */
  Object get(String name);

  /** The value of column {@code index} as {@code type}. */
  <T> T get(int index, Class<T> type);

  /** The value of the column named {@code name} as {@code type}. */
  <T> T get(String name, Class<T> type);

  /** Whether column {@code index} is NULL. */
  boolean isNull(int index);

  /** The column index (0-based) of {@code name}; an error naming the columns when absent. */
  int indexOf(String name);

  default String getString(int index) {
    return get(index, String.class);
  }

  default String getString(String name) {
    return get(name, String.class);
  }

  /** The value as an int; a NULL is an error (use {@link #get(int, Class)} to get null). */
  default int getInt(int index) {
    return nonNull(index, get(index, Integer.class));
  }

  default int getInt(String name) {
    return getInt(indexOf(name));
  }

  /** The value as a long; a NULL is an error. */
  default long getLong(int index) {
    return nonNull(index, get(index, Long.class));
  }

  default long getLong(String name) {
    return getLong(indexOf(name));
  }

  /** The value as a double; a NULL is an error. */
  default double getDouble(int index) {
    return nonNull(index, get(index, Double.class));
  }

  default double getDouble(String name) {
    return getDouble(indexOf(name));
  }

  /** The value as a boolean; a NULL is an error. */
  default boolean getBoolean(int index) {
    return nonNull(index, get(index, Boolean.class));
  }

  default boolean getBoolean(String name) {
    return getBoolean(indexOf(name));
  }

  default BigDecimal getBigDecimal(int index) {
    return get(index, BigDecimal.class);
  }

  default BigDecimal getBigDecimal(String name) {
    return get(name, BigDecimal.class);
  }

  default LocalDate getLocalDate(int index) {
    return get(index, LocalDate.class);
  }

  default LocalDate getLocalDate(String name) {
    return get(name, LocalDate.class);
  }

  default OffsetDateTime getOffsetDateTime(int index) {
    return get(index, OffsetDateTime.class);
  }

  default OffsetDateTime getOffsetDateTime(String name) {
    return get(name, OffsetDateTime.class);
  }

  default UUID getUuid(int index) {
    return get(index, UUID.class);
  }

  default UUID getUuid(String name) {
    return get(name, UUID.class);
  }

  default byte[] getBytes(int index) {
    return get(index, byte[].class);
  }

  default byte[] getBytes(String name) {
    return get(name, byte[].class);
  }

  private <T> T nonNull(int index, T value) {
    if (value == null) {
      throw new dev.tusk.errors.DataError(
          "column " + index + " (" + columns().get(index).name() + ") is NULL");
    }
    return value;
  }
}
