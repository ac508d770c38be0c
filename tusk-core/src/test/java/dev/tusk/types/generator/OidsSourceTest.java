package dev.tusk.types.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.types.Oids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves {@code Oids.java} is what {@link OidsGenerator} makes of {@code src/data/pg_type.tsv};
 * with {@code -Dtusk.regenerate=true}, first rewrites it. (That the data file is the server's
 * catalog is proved in tusk-it, by {@code BuiltinTypeOidsTest}.)
 */
class OidsSourceTest {

  /** Surefire runs tests from the module directory. */
  private static final Path MODULE_DIR = Path.of("");

  @Test
  void oidsJavaIsGeneratedFromTheDataFile() throws IOException {
    String generated = OidsGenerator.generate(MODULE_DIR);
    Path source = MODULE_DIR.resolve(OidsGenerator.SOURCE);
    if (Boolean.getBoolean("tusk.regenerate")) {
      Files.writeString(source, generated);
    }
    assertEquals(
        generated,
        Files.readString(source),
        "Oids.java is out of date; regenerate with: " + OidsGenerator.REGENERATE_COMMAND);
  }

  @Test
  void namesFollowTheTypes() {
    List<OidsGenerator.PgType> types =
        OidsGenerator.read(List.of("# comment", "23\tint4", "1007\t_int4", "18\tchar"));
    String source = OidsGenerator.render(types);
    assertEquals(
        List.of("INT4", "INT4_ARRAY", "CHAR"),
        types.stream().map(OidsGenerator.PgType::constant).toList());
    assertEquals(
        true,
        source.contains(
            "  /** {@code int4[]}. */\n  public static final int INT4_ARRAY = 1007;\n"));
    assertEquals(Oids.INT4_ARRAY, 1007);
  }

  @Test
  void malformedLinesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> OidsGenerator.read(List.of("23 int4")));
    assertThrows(IllegalArgumentException.class, () -> OidsGenerator.read(List.of("x\tint4")));
    assertThrows(IllegalArgumentException.class, () -> OidsGenerator.read(List.of("23\tInt4")));
  }
}
