package dev.tusk.sql;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SQL text written by the program, used as is: never quoted or checked, so it must never hold
 * values that come from outside the program. Fill its gaps with {@link #format(Object...)}:
 *
 * <pre>{@code
 * Composable query = SQL.of("SELECT {} FROM {} WHERE id = $1")
 *     .format(Identifier.of("name"), Identifier.of("app", "pets"));
 * conn.execute(query, 42);
 * }</pre>
 *
 * @param text the SQL text
 */
public record SQL(String text) implements Composable {

  /** Checks the text is present and can be sent (no NUL, no unpaired surrogate). */
  public SQL {
    Objects.requireNonNull(text, "text");
    Quoting.checkText(text, "SQL text");
  }

  /** The text as SQL. */
  public static SQL of(String text) {
    return new SQL(text);
  }

  @Override
  public String asString(SqlContext context) {
    return text;
  }

  /**
   * This text with each {@code {}} or {@code {n}} replaced by an argument: {@code {}} takes the
   * next one, {@code {0}} the first. A {@link Composable} argument goes in as itself; any other
   * value (null included) as a {@link Literal}. Write {@code {{} and {@code }}} for braces. One
   * text numbers its gaps either automatically or by hand, not both.
   *
   * @throws ProgrammingError for a malformed gap, a missing argument, or a {@code {name}} (use
   *     {@link #format(Map)})
   */
  public Composed format(Object... args) {
    return new FormatString(text).fill(Arrays.asList(args), Map.of());
  }

  /**
   * This text with each {@code {name}} replaced by {@code args.get(name)}, as {@link
   * #format(Object...)} does.
   */
  public Composed format(Map<String, ?> args) {
    return new FormatString(text).fill(List.of(), args);
  }

  /**
   * The pieces with this text between each two: {@code SQL.of(", ").join(columns)}. Non-Composable
   * pieces become {@link Literal}s.
   */
  public Composed join(Iterable<?> pieces) {
    List<Composable> joined = new ArrayList<>();
    for (Object piece : pieces) {
      if (!joined.isEmpty()) {
        joined.add(this);
      }
      joined.add(composable(piece));
    }
    return new Composed(joined);
  }

  /** Like {@link #join(Iterable)}. */
  public Composed join(Object... pieces) {
    return join(Arrays.asList(pieces));
  }

  /** The value as a Composable: itself if it is one, else a Literal. */
  static Composable composable(Object value) {
    return value instanceof Composable piece ? piece : Literal.of(value);
  }
}
