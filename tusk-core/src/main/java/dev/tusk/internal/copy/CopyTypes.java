package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.types.Codec;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the type names given for COPY columns (psycopg's {@code set_types}) to codecs through a
 * connection's types: names as pg_type spells them ({@code int4}, {@code timestamptz}, {@code
 * my_schema.my_type}), SQL's spellings ({@code integer}, {@code character varying}, {@code
 * timestamp with time zone}), a type modifier that is ignored ({@code numeric(10,2)}, {@code
 * varchar(20)}) and {@code []} for arrays ({@code integer[]}, {@code text[][]}).
 */
public final class CopyTypes {

  /** SQL's names for built-in types, to pg_type's. */
  private static final Map<String, String> SQL_NAMES =
      Map.ofEntries(
          Map.entry("smallint", "int2"),
          Map.entry("integer", "int4"),
          Map.entry("int", "int4"),
          Map.entry("bigint", "int8"),
          Map.entry("real", "float4"),
          Map.entry("double precision", "float8"),
          Map.entry("float", "float8"),
          Map.entry("decimal", "numeric"),
          Map.entry("boolean", "bool"),
          Map.entry("character varying", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("char", "bpchar"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("bit varying", "varbit"));

  private CopyTypes() {}

  /**
   * The codec of each named type, in order.
   *
   * @throws dev.tusk.errors.UndefinedObject if a type does not exist
   * @throws ProgrammingError if a name is blank
   */
  public static Codec<?>[] resolve(TypeScope scope, String... typeNames) {
    Codec<?>[] codecs = new Codec<?>[typeNames.length];
    for (int i = 0; i < typeNames.length; i++) {
      codecs[i] = scope.codec(pgTypeName(typeNames[i]));
    }
    return codecs;
  }

  /** {@code name} as pg_type spells it: SQL's name mapped, modifier dropped, {@code []} kept. */
  static String pgTypeName(String name) {
    if (name == null || name.isBlank()) {
      throw new ProgrammingError("a COPY column type name is null or blank");
    }
    String text = name.strip();
    int dimensions = 0;
    while (text.endsWith("[]")) {
      text = text.substring(0, text.length() - 2).strip();
      dimensions++;
    }
    if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
      text = text.substring(1, text.length() - 1);
    } else {
      // Unquoted names fold to lower case, as in SQL; a modifier may sit mid-name (time(3) with
      // time zone).
      String plain =
          text.replaceAll("\\s*\\([^)]*\\)", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      text = SQL_NAMES.getOrDefault(plain, plain);
    }
    // One [] whatever the dimensions: PostgreSQL has one array type per element type.
    return dimensions > 0 ? text + "[]" : text;
  }
}
