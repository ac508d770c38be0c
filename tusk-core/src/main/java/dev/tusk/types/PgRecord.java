package dev.tusk.types;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A value of a composite type (a row type): its attributes in order, each with its name and a value
 * that may be null. Composite columns read as this by default; {@code row.get(i, MyRecord.class)}
 * maps one to a Java record instead. Immutable.
 */
public final class PgRecord {

  private final String typeName;
  private final List<String> names;
  private final List<Object> values;

  private PgRecord(String typeName, List<String> names, List<Object> values) {
    this.typeName = typeName;
    this.names = names;
    this.values = values;
  }

  /**
   * A record of the type {@code typeName} with these attribute names and values (nulls allowed).
   *
   * @throws ProgrammingError if the lists differ in size or a name is repeated
   */
  public static PgRecord of(String typeName, List<String> names, List<?> values) {
    if (names.size() != values.size()) {
      throw new ProgrammingError(
          "a record needs one value per attribute: "
              + names.size()
              + " names, "
              + values.size()
              + " values");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new ProgrammingError("a record's attribute names must differ: " + names);
    }
    return new PgRecord(
        Objects.requireNonNull(typeName, "typeName"),
        List.copyOf(names),
        Collections.unmodifiableList(new ArrayList<>(values)));
  }

  /** The composite type's name, as pg_type spells it. */
  public String typeName() {
    return typeName;
  }

  /** The number of attributes. */
  public int size() {
    return values.size();
  }

  /** The attribute names, in order. */
  public List<String> names() {
    return names;
  }

  /** The attribute values, in order; may hold nulls. */
  public List<Object> values() {
    return values;
  }

  /** The value of attribute {@code index} (0-based). */
  public Object get(int index) {
    return values.get(index);
  }

  /**
   * The value of the attribute named {@code name}.
   *
   * @throws ProgrammingError if there is none, naming the attributes
   */
  public Object get(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new ProgrammingError(
          typeName + " has no attribute \"" + name + "\"; its attributes are " + names);
    }
    return values.get(index);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PgRecord record
        && typeName.equals(record.typeName)
        && names.equals(record.names)
        && values.equals(record.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeName, names, values);
  }

  /** {@code typeName(name=value, ...)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(typeName).append('(');
    for (int i = 0; i < names.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values.get(i));
    }
    return text.append(')').toString();
  }
}
