package dev.tusk.types;

import dev.tusk.errors.ProgrammingError;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A parameter value with its PostgreSQL type stated, for when the Java class alone does not say it:
 * {@code Param.of("{\"a\": 1}", "jsonb")}, {@code Param.of(address, "address")} for a Java record
 * sent as a composite type, or a typed NULL. The name is resolved on the connection (built-in names
 * at once, others through the server's catalog, once); an unknown name fails the statement before
 * it is sent.
 *
 * <p>The value is converted to what the type's codec takes: itself when it is of the codec's Java
 * type, a Java record to a composite (components matched to attributes by name), a List or array
 * element by element, an enum constant by its name, a {@link Json} by its text.
 *
 * @param value the value; null sends a NULL of the type
 * @param typeName the type's name as SQL writes it ({@code int4}, {@code my_schema.mood}, {@code
 *     mood[]}), or null when {@code oid} states it
 * @param oid the type's OID, or 0 when {@code typeName} states it
 */
public record Param(Object value, String typeName, int oid) {

  /** A JSON parameter made by the registry's {@link JsonMapper}: see {@link #json(Object)}. */
  static final String MAPPED_JSON = "jsonb";

  /** Checks that exactly one of the name and the OID states the type. */
  public Param {
    if ((typeName == null) == (oid == 0)) {
      throw new ProgrammingError("a Param needs either a type name or a type OID, not both");
    }
    if (typeName != null && typeName.isBlank()) {
      throw new ProgrammingError("a Param's type name cannot be blank");
    }
  }

  /** {@code value} sent as the type named {@code typeName}. */
  public static Param of(Object value, String typeName) {
    return new Param(value, typeName, 0);
  }

  /** {@code value} sent as the type with OID {@code oid}. */
  public static Param of(Object value, int oid) {
    return new Param(value, null, oid);
  }

  /**
   * Any object as {@code jsonb}, written to JSON text by the {@link JsonMapper} of the registry in
   * effect, or without one by the built-in writer (Maps, Lists, Strings, Numbers, Booleans; a
   * ProgrammingError naming JsonMapper for other classes).
   */
  public static Param json(Object value) {
    return new Param(new MappedJson(value), MAPPED_JSON, 0);
  }

  /**
   * The elements of a Java array as one array parameter, the way that cannot go wrong: {@code
   * conn.execute("SELECT * FROM t WHERE name = ANY($1)", Param.array(names))}. A {@code String[]}
   * or {@code Integer[]} passed alone to a varargs {@code execute} is instead the whole parameter
   * list, one element per placeholder. The result is an unmodifiable List (nulls allowed), sent as
   * an array of its elements' type; Lists and primitive arrays need no wrapping.
   *
   * @param elements the elements, copied
   */
  public static <T> List<T> array(T[] elements) {
    return Collections.unmodifiableList(Arrays.asList(elements.clone()));
  }

  /** The value of {@link #json(Object)}, converted by the JsonMapper when it is sent. */
  public record MappedJson(Object value) {}
}
