package dev.tusk.sql;

import dev.tusk.errors.ProgrammingError;
import java.util.regex.Pattern;

/**
 * A parameter placeholder, filled by the values passed to {@code execute} with the composed
 * statement: positional {@code $n} ({@link #of(int)}) or named {@code :name} ({@link #of(String)}).
 * One statement uses one style.
 *
 * @param position the parameter's number from 1, or 0 for a named placeholder
 * @param name the parameter's name, or null for a positional placeholder
 */
public record Placeholder(int position, String name) implements Composable {

  /** A name the placeholder parser reads whole: a letter or underscore, then word characters. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

  /** Checks that exactly one of position and name is given, and that it is valid. */
  public Placeholder {
    if (name == null) {
      if (position < 1 || position > 65535) {
        throw new ProgrammingError(
            "a placeholder's position must be from 1 to 65535, not " + position);
      }
    } else if (position != 0 || !NAME.matcher(name).matches()) {
      throw new ProgrammingError(
          "a named placeholder needs a name of letters, digits and underscores, starting with a"
              + " letter or underscore");
    }
  }

  /** The positional placeholder {@code $position}. */
  public static Placeholder of(int position) {
    return new Placeholder(position, null);
  }

  /** The named placeholder {@code :name}. */
  public static Placeholder of(String name) {
    return new Placeholder(0, name);
  }

  /** Renders as {@code $n} or {@code :name} (with a space, so it never follows {@code :}). */
  @Override
  public String asString(SqlContext context) {
    return name == null ? "$" + position : " :" + name;
  }
}
