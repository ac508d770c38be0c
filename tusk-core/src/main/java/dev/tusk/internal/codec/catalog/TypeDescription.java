package dev.tusk.internal.codec.catalog;

import java.util.List;

/**
 * What the server's catalog says about one type the built-in codecs do not cover: enough to build
 * its codec from the codecs of the types it refers to.
 */
public sealed interface TypeDescription {

  /** The type's OID. */
  int oid();

  /** pg_type.typname. */
  String name();

  /** The name of the type's schema. */
  String schema();

  /** An enum and its labels in sort order. */
  record EnumType(int oid, String name, String schema, List<String> labels)
      implements TypeDescription {}

  /** A composite type and its live attributes in order. */
  record CompositeType(
      int oid,
      String name,
      String schema,
      List<String> attributeNames,
      List<Integer> attributeTypes)
      implements TypeDescription {}

  /** A domain over {@code base}. */
  record DomainType(int oid, String name, String schema, int base) implements TypeDescription {}

  /** An array of {@code element}. */
  record ArrayType(int oid, String name, String schema, int element) implements TypeDescription {}

  /** A range over {@code subtype}. */
  record RangeType(int oid, String name, String schema, int subtype) implements TypeDescription {}

  /**
   * Any other type: a base type from an extension (hstore, citext...), a multirange, a pseudo-type.
   */
  record OtherType(int oid, String name, String schema) implements TypeDescription {}
}
