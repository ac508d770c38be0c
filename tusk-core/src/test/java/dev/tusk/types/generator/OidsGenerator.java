package dev.tusk.types.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates {@code dev.tusk.types.Oids} from {@code src/data/pg_type.tsv}, the built-in types of
 * pg_catalog as a PostgreSQL server lists them (written by the tusk-it test {@code
 * BuiltinTypeOidsTest} with {@code -Dtusk.regenerate=true}). Each type becomes a constant named
 * after it, upper-cased; an array type {@code _x} becomes {@code X_ARRAY}.
 *
 * <p>{@link OidsSourceTest} fails when {@code Oids.java} differs from what this produces, and with
 * {@code -Dtusk.regenerate=true} rewrites it: {@value #REGENERATE_COMMAND}.
 */
final class OidsGenerator {

  static final String REGENERATE_COMMAND =
      "mvn -B -q -pl tusk-core test -Dtest=OidsSourceTest -Dtusk.regenerate=true";

  static final Path DATA = Path.of("src", "data", "pg_type.tsv");
  static final Path SOURCE = Path.of("src", "main", "java", "dev", "tusk", "types", "Oids.java");

  /** What a constant's name alone would not say. */
  private static final Map<String, String> NOTES =
      Map.of(
          "char",
          "The single-byte {@code \"char\"} type, not {@code char(n)} (which is {@link #BPCHAR}).");

  /** One row of the data file. */
  record PgType(int oid, String typname) {

    /** The constant's name: the type's, upper-cased; {@code _x} (an array) as {@code X_ARRAY}. */
    String constant() {
      String name = typname.startsWith("_") ? typname.substring(1) + "_array" : typname;
      return name.toUpperCase(Locale.ROOT);
    }

    /** The type as SQL writes it: {@code int4}, or {@code int4[]} for an array. */
    String sqlName() {
      return typname.startsWith("_") ? typname.substring(1) + "[]" : typname;
    }
  }

  private OidsGenerator() {}

  /**
   * The rows of a data file's text: {@code oid<TAB>typname}; lines starting with # are comments.
   */
  static List<PgType> read(List<String> lines) {
    List<PgType> types = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 2 || !fields[1].matches("_?[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("not an oid<TAB>typname line: " + line);
      }
      types.add(new PgType(Integer.parseInt(fields[0]), fields[1]));
    }
    return types;
  }

  /** The Java source of {@code Oids}, laid out as google-java-format leaves it. */
  static String render(List<PgType> types) {
    StringBuilder out = new StringBuilder();
    out.append("// Generated from tusk-core/src/data/pg_type.tsv by")
        .append(" dev.tusk.types.generator.OidsGenerator.\n// Do not edit.\n")
        .append("package dev.tusk.types;\n\n")
        .append("/**\n")
        .append(" * OIDs of PostgreSQL's built-in types, as assigned in pg_type (they never change")
        .append(" between versions;\n")
        .append(" * a type added by a later version is simply unknown to an older server).\n")
        .append(" */\n")
        .append("public final class Oids {\n\n")
        .append("  /** Parameter type left unspecified: the server infers it from the statement.")
        .append(" */\n")
        .append("  public static final int UNSPECIFIED = 0;\n");
    for (PgType type : types) {
      String note = NOTES.getOrDefault(type.typname(), "{@code " + type.sqlName() + "}.");
      out.append("\n  /** ").append(note).append(" */\n");
      out.append("  public static final int ")
          .append(type.constant())
          .append(" = ")
          .append(type.oid())
          .append(";\n");
    }
    return out.append("\n  private Oids() {}\n}\n").toString();
  }

  /** The source as generated from the data file of the module at {@code moduleDir}. */
  static String generate(Path moduleDir) throws IOException {
    return render(read(Files.readAllLines(moduleDir.resolve(DATA))));
  }
}
