package dev.tusk.internal.codec.catalog;

import dev.tusk.errors.InterfaceError;
import java.util.List;

/**
 * The one catalog query that describes types: those asked for by OID, those asked for by name
 * (resolved by to_regtype, so search_path, schema-qualified names and aliases such as {@code
 * integer} work), and recursively every type they refer to (array elements, domain bases, composite
 * attributes, range subtypes), all in one round trip.
 */
final class TypeDescriptionQuery {

  /** $1 is an int8[] of OIDs, $2 a text[] of names. */
  static final String SQL =
      """
      WITH RECURSIVE
        named(name, oid) AS (SELECT n, to_regtype(n)::oid FROM unnest($2::text[]) AS n),
        wanted(oid) AS (
          SELECT unnest($1::int8[])::oid
          UNION SELECT oid FROM named WHERE oid IS NOT NULL
          UNION
          SELECT ref.oid FROM wanted w JOIN pg_catalog.pg_type t ON t.oid = w.oid
          CROSS JOIN LATERAL (
            SELECT t.typelem WHERE t.typelem <> 0 AND t.typcategory = 'A'
            UNION ALL SELECT t.typbasetype WHERE t.typtype = 'd'
            UNION ALL SELECT a.atttypid FROM pg_catalog.pg_attribute a
              WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
                AND NOT a.attisdropped
            UNION ALL SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid
          ) AS ref(oid))
      SELECT t.oid::int8, t.typname::text, n.nspname::text, t.typtype::text,
        CASE WHEN t.typcategory = 'A' THEN t.typelem::int8 ELSE 0 END,
        t.typbasetype::int8,
        (SELECT r.rngsubtype::int8 FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),
        ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
          WHERE t.typtype = 'e' AND e.enumtypid = t.oid ORDER BY e.enumsortorder),
        ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
          WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
            AND NOT a.attisdropped ORDER BY a.attnum),
        ARRAY(SELECT a.atttypid::int8 FROM pg_catalog.pg_attribute a
          WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
            AND NOT a.attisdropped ORDER BY a.attnum),
        ARRAY(SELECT nm.name FROM named nm WHERE nm.oid = t.oid)
      FROM wanted w JOIN pg_catalog.pg_type t ON t.oid = w.oid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      """;

  private TypeDescriptionQuery() {}

  /** One row of the query: the type, and the names asked for that resolved to it. */
  record Described(TypeDescription type, List<String> askedNames) {}

  /** Reads a row of {@link #SQL}, its columns decoded by the built-in codecs. */
  static Described parse(List<Object> row) {
    try {
      int oid = oid(row.get(0));
      String name = (String) row.get(1);
      String schema = (String) row.get(2);
      int element = oid(row.get(4));
      TypeDescription type =
          switch (((String) row.get(3)).charAt(0)) {
            case 'e' -> new TypeDescription.EnumType(oid, name, schema, strings(row.get(7)));
            case 'c' ->
                new TypeDescription.CompositeType(
                    oid, name, schema, strings(row.get(8)), oids((List<?>) row.get(9)));
            case 'd' -> new TypeDescription.DomainType(oid, name, schema, oid(row.get(5)));
            case 'r' -> new TypeDescription.RangeType(oid, name, schema, oid(row.get(6)));
            default ->
                element != 0
                    ? new TypeDescription.ArrayType(oid, name, schema, element)
                    : new TypeDescription.OtherType(oid, name, schema);
          };
      return new Described(type, strings(row.get(10)));
    } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
      throw new InterfaceError("unexpected row from the type catalog query: " + row, e);
    }
  }

  private static int oid(Object value) {
    return ((Long) value).intValue();
  }

  private static List<Integer> oids(List<?> values) {
    return values.stream().map(TypeDescriptionQuery::oid).toList();
  }

  @SuppressWarnings("unchecked") // text[] decodes to a List of Strings
  private static List<String> strings(Object value) {
    return List.copyOf((List<String>) value);
  }
}
