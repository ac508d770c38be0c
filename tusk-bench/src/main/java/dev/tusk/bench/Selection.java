package dev.tusk.bench;

import dev.tusk.bench.harness.Comparison;
import java.util.ArrayList;
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
   * The chosen tables in report order: every regular table when none is named, else the named ones,
   * which may include tables run only on request. Throws when an id names no table, listing the ids
   * there are, so a typo does not silently run nothing.
   */
  public List<Comparison> filter(List<Comparison> regular, List<Comparison> onRequest) {
    if (ids.isEmpty()) {
      return regular;
    }
    List<Comparison> every = new ArrayList<>(regular);
    every.addAll(onRequest);
    Set<String> known = new LinkedHashSet<>();
    every.forEach(comparison -> known.add(comparison.id()));
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "no table '" + id + "' (-Dbench.only); the tables are " + String.join(",", known));
      }
    }
    return every.stream().filter(comparison -> ids.contains(comparison.id())).toList();
  }

  /** "all", or the ids, for the report. */
  public String describe() {
    return ids.isEmpty() ? "all" : String.join(",", ids);
  }
}
