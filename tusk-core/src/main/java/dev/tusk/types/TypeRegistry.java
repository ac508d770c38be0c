package dev.tusk.types;

import java.util.function.IntFunction;

/**
 * The codecs in effect for one scope: the whole JVM ({@code Tusk.types()}), one connection ({@code
 * connection.types()}) or one cursor ({@code cursor.types()}). Registrations override the built-in
 * codecs and those of the enclosing scope, and never reach other scopes:
 *
 * <ul>
 *   <li>a connection starts with a copy of the global registry as it is when the connection opens;
 *   <li>a cursor uses its connection's registry until {@code cursor.types()} is first called, and
 *       from then on a copy of it taken at that call.
 * </ul>
 *
 * <p>Registries are copy-on-write: a registration builds a new table and publishes it, so looking a
 * codec up takes no lock and costs what an array access does for built-in types. Registrations are
 * meant for set-up time, not for every statement.
 *
 * <p>Types the driver does not know (user-defined enums, composites, domains, arrays of them) are
 * looked up in the server's catalog on first use by each connection and remembered; {@link
 * #refresh()} forgets them after DDL changes a type.
 */
public interface TypeRegistry {

  /**
   * Decodes values of type {@code codec.oid()} with {@code codec}, in this scope and the scopes
   * copied from it later. For a type whose OID differs between databases, use {@link
   * #register(String, IntFunction)}.
   *
   * @return this registry
   */
  TypeRegistry register(Codec<?> codec);

  /**
   * Decodes values of the type named {@code typeName} with the codec {@code factory} makes from the
   * type's OID, once a connection learns that OID from its catalog. The name is pg_type's ({@code
   * mood}), optionally with its schema ({@code app.mood}); a name without a schema matches the type
   * of that name in any schema. Arrays of the type use the codec for their elements.
   *
   * @return this registry
   */
  TypeRegistry register(String typeName, IntFunction<? extends Codec<?>> factory);

  /**
   * Sends parameters of exactly class {@code javaClass} through {@code codec}: binary with its OID
   * when it has a binary format, else its text with its OID.
   *
   * @return this registry
   */
  <T> TypeRegistry registerParameter(Class<T> javaClass, Codec<? super T> codec);

  /**
   * Sends parameters of exactly class {@code javaClass} as the type named {@code typeName},
   * converted as {@link Param#of(Object, String)} converts its value: a Java record as a composite
   * type, say.
   *
   * @return this registry
   */
  TypeRegistry registerParameter(Class<?> javaClass, String typeName);

  /**
   * Uses {@code mapper} to read json and jsonb values as other classes and to write {@link
   * Param#json(Object)} parameters; null removes it.
   *
   * @return this registry
   */
  TypeRegistry jsonMapper(JsonMapper mapper);

  /** The JSON mapper in effect, or null. */
  JsonMapper jsonMapper();

  /**
   * The codec in effect for the type with this OID, or null when this scope knows none yet (a type
   * that only the catalog can describe and that has not been used).
   */
  Codec<?> codec(int oid);

  /**
   * The codec in effect for the type named {@code typeName} ({@code int4}, {@code mood[]}, {@code
   * app.address}). On a connection or cursor an unknown name is looked up in the server's catalog;
   * the global registry knows built-in names only.
   *
   * @throws dev.tusk.errors.UndefinedObject if no type has this name
   */
  Codec<?> codec(String typeName);

  /**
   * Forgets what the connection learned from its catalog, so that types changed by DDL ({@code
   * ALTER TYPE ... ADD VALUE}, {@code ADD ATTRIBUTE}, a dropped and re-created type) are looked up
   * again on next use. Affects every scope of the connection; does nothing on the global registry.
   */
  void refresh();
}
