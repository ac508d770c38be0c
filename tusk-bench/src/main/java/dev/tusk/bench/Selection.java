package dev.tusk.bench;

import dev.tusk.bench.harness.Comparison;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tables to run: all of them, or those whose ids are listed ({@code --only=a,a-async,b2}).
 *
 * @param ids the chosen ids, in the order given; empty means every table
 */
public record Selection(List<String> ids) {

  /** Copies the list. */
  public Selection {
    ids = List.copyOf(ids);
  }

  /** The selection named by a comma-separated list of ids; blank selects every table. */
  public static Selection parse(String list) {
    Set<String> ids = new LinkedHashSet<>();
    Arrays.stream(list.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
    return new Selection(List.copyOf(ids));
  }

  /**
   * The chosen tables, in report order; throws when an id names no table, listing the ids there
   * are, so a typo does not silently run nothing.
   */
  public List<Comparison> filter(List<Comparison> comparisons) {
    Set<String> known = new LinkedHashSet<>();
    comparisons.forEach(comparison -> known.add(comparison.id()));
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "no table '" + id + "' (-Dbench.only); the tables are " + String.join(",", known));
      }
    }
    return ids.isEmpty()
        ? comparisons
        : comparisons.stream().filter(comparison -> ids.contains(comparison.id())).toList();
  }

  /** "all", or the ids, for the report. */
  public String describe() {
    return ids.isEmpty() ? "all" : String.join(",", ids);
  }
}
