package dev.tusk.sql;

import dev.tusk.errors.ProgrammingError;
import java.util.List;

/**
 * A name in SQL: a table, column, schema, function, channel... Each part is quoted, so names keep
 * their case, may be keywords and may hold any character but NUL. Several parts make a dotted name:
 * {@code Identifier.of("app", "pets")} renders as {@code "app"."pets"}.
 *
 * @param parts the name's parts, outermost first; never empty
 */
public record Identifier(List<String> parts) implements Composable {

  /**
   * Checks that there is at least one part and that each is a valid name.
   *
   * @throws ProgrammingError if there are no parts, or one is empty
   * @throws dev.tusk.errors.CharacterNotInRepertoire if a part holds NUL or an unpaired surrogate
   */
  public Identifier {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new ProgrammingError("an Identifier needs at least one name");
    }
    for (String part : parts) {
      Quoting.identifier(part);
    }
  }

  /** The name {@code parts[0].parts[1]...}, each part quoted. */
  public static Identifier of(String... parts) {
    return new Identifier(List.of(parts));
  }

  @Override
  public String asString(SqlContext context) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(Quoting.identifier(part));
    }
    return out.toString();
  }
}
