package dev.tusk.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sequence of pieces rendered one after another, with nothing between them: what {@link
 * SQL#format} and {@link SQL#join} make.
 *
 * @param parts the pieces, in order
 */
public record Composed(List<Composable> parts) implements Composable {

  /** Copies the list, which may not hold null. */
  public Composed {
    parts = List.copyOf(parts);
  }

  /** The pieces in this order. */
  public static Composed of(Composable... parts) {
    return new Composed(Arrays.asList(parts));
  }

  /** The pieces with {@code separator} between each two: {@code composed.join(", ")}. */
  public Composed join(String separator) {
    return join(SQL.of(separator));
  }

  /** The pieces with {@code separator} between each two. */
  public Composed join(SQL separator) {
    List<Composable> joined = new ArrayList<>(parts.size() * 2);
    for (Composable part : parts) {
      if (!joined.isEmpty()) {
        joined.add(separator);
      }
      joined.add(part);
    }
    return new Composed(joined);
  }

  @Override
  public String asString(SqlContext context) {
    StringBuilder out = new StringBuilder();
    for (Composable part : parts) {
      out.append(part.asString(context));
    }
    return out.toString();
  }
}
