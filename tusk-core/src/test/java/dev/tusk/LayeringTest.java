package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every dependency between Tusk's packages points the way docs/architecture.md allows. The edges
 * come from jdeps over the compiled classes, so a dependency through any constant-pool reference
 * counts, not only imports.
 */
class LayeringTest {

  private static final String ROOT = "dev.tusk";

  /** Package to the packages it may use, besides itself and the JDK. Names are below dev.tusk. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("", Set.of("errors", "types", "sql")),
          Map.entry("errors", Set.of()),
          Map.entry("types", Set.of("errors")),
          Map.entry("sql", Set.of("types", "errors")),
          Map.entry("pool", Set.of("", "errors", "types", "sql")),
          Map.entry("internal.buffer", Set.of("types")),
          Map.entry("internal.protocol", Set.of("internal.buffer", "errors")),
          Map.entry("internal.auth", Set.of("errors")),
          Map.entry("internal.conninfo", Set.of("errors")),
          Map.entry("internal.transport", Set.of("internal.buffer", "internal.conninfo", "errors")),
          Map.entry(
              "internal.engine",
              Set.of(
                  "internal.protocol",
                  "internal.auth",
                  "internal.transport",
                  "internal.conninfo",
                  "internal.buffer",
                  "errors")),
          // internal.codec's sub-packages, lowest first; each uses only those listed before it.
          Map.entry("internal.codec.text", Set.of("types", "errors")),
          Map.entry(
              "internal.codec.builtin",
              Set.of("internal.codec.text", "types", "internal.buffer", "errors")),
          Map.entry(
              "internal.codec.convert",
              Set.of("internal.codec.builtin", "internal.codec.text", "types", "errors")),
          Map.entry(
              "internal.codec.param",
              Set.of(
                  "internal.codec.convert",
                  "internal.codec.builtin",
                  "internal.codec.text",
                  "types",
                  "internal.buffer",
                  "errors")),
          Map.entry("internal.codec.catalog", Set.of("internal.codec.builtin", "types", "errors")),
          Map.entry(
              "internal.codec",
              Set.of(
                  "internal.codec.catalog",
                  "internal.codec.param",
                  "internal.codec.convert",
                  "internal.codec.builtin",
                  "internal.codec.text",
                  "types",
                  "internal.buffer",
                  "errors")),
          Map.entry("internal.query", Set.of("types", "internal.codec", "errors")),
          Map.entry(
              "internal.copy",
              Set.of(
                  "internal.codec",
                  "internal.codec.param",
                  "internal.codec.convert",
                  "internal.codec.builtin",
                  "types",
                  "internal.buffer",
                  "errors")),
          Map.entry(
              "internal.client",
              Set.of(
                  "",
                  "errors",
                  "types",
                  "sql",
                  "internal.buffer",
                  "internal.protocol",
                  "internal.auth",
                  "internal.conninfo",
                  "internal.transport",
                  "internal.engine",
                  "internal.codec",
                  "internal.codec.catalog",
                  "internal.codec.param",
                  "internal.codec.convert",
                  "internal.codec.builtin",
                  "internal.query",
                  "internal.copy")));

  /** The one class of the API that may reach into the implementation: the entry point. */
  private static final String ENTRY_POINT = ROOT + ".Tusk";

  private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)(\\s.*)?$");

  /** A dependency of one class on another. */
  record Edge(String from, String to) {

    String fromPackage() {
      return relativePackage(from);
    }

    String toPackage() {
      return relativePackage(to);
    }

    private static String relativePackage(String className) {
      String name = className.substring(0, className.lastIndexOf('.'));
      return name.equals(ROOT) ? "" : name.substring(ROOT.length() + 1);
    }

    @Override
    public String toString() {
      return from + " -> " + to;
    }
  }

  @Test
  void everyDependencyBetweenPackagesIsInTheArchitecturesTable() throws Exception {
    List<Edge> edges = edges(jdeps(classesDirectory()));
    assertTrue(
        edges.contains(
            new Edge(
                ROOT + ".internal.engine.InFlight", ROOT + ".internal.protocol.ReadyForQuery")),
        "jdeps' output was not understood; it found " + edges.size() + " edges");
    List<String> violations = violations(edges);
    assertTrue(
        violations.isEmpty(),
        "dependencies outside the layering of docs/architecture.md ("
            + violations.size()
            + "):\n"
            + String.join("\n", violations));
  }

  @Test
  void theCheckReportsEdgesOutsideTheTable() {
    String listing =
        """
        dev.tusk
         [file:///somewhere/target/classes/]
           requires mandated java.base (@17)
        dev.tusk -> java.base
           dev.tusk.Tusk               -> dev.tusk.internal.client.Connector      dev.tusk
           dev.tusk.Row                -> dev.tusk.errors.DataError               dev.tusk
           dev.tusk.Row                -> dev.tusk.internal.client.ResultRow      dev.tusk
           dev.tusk.internal.codec.C   -> dev.tusk.internal.protocol.DataRow      dev.tusk
           dev.tusk.internal.query.Q   -> dev.tusk.internal.codec.CodecRegistry   dev.tusk
           dev.tusk.internal.codec.convert.V -> dev.tusk.internal.codec.builtin.B dev.tusk
           dev.tusk.internal.codec.builtin.B -> dev.tusk.internal.codec.convert.V dev.tusk
           dev.tusk.internal.extra.X   -> dev.tusk.errors.DataError               dev.tusk
           dev.tusk.errors.E           -> java.lang.String                        java.base
        """;
    assertEquals(
        List.of(
            "dev.tusk.Row -> dev.tusk.internal.client.ResultRow"
                + " (dev.tusk may not use internal.client)",
            "dev.tusk.internal.codec.C -> dev.tusk.internal.protocol.DataRow"
                + " (internal.codec may not use internal.protocol)",
            "dev.tusk.internal.codec.builtin.B -> dev.tusk.internal.codec.convert.V"
                + " (internal.codec.builtin may not use internal.codec.convert)",
            "dev.tusk.internal.extra.X -> dev.tusk.errors.DataError"
                + " (internal.extra is not in the table)"),
        violations(edges(listing)));
  }

  /** What {@code jdeps -verbose:class} prints for the compiled main classes. */
  private static String jdeps(Path classes) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", classes.toString());
    assertEquals(0, status, "jdeps failed: " + err);
    return out.toString();
  }

  private static Path classesDirectory() throws URISyntaxException {
    return Path.of(Tusk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The class-to-class edges within dev.tusk in a jdeps listing. */
  static List<Edge> edges(String listing) {
    List<Edge> edges = new ArrayList<>();
    for (String line : listing.split("\n")) {
      Matcher matcher = EDGE.matcher(line);
      if (matcher.matches() && inTusk(matcher.group(1)) && inTusk(matcher.group(2))) {
        edges.add(new Edge(matcher.group(1), matcher.group(2)));
      }
    }
    return edges;
  }

  private static boolean inTusk(String name) {
    return name.startsWith(ROOT + ".");
  }

  /** The edges the table does not allow, sorted, each with the reason. */
  static List<String> violations(List<Edge> edges) {
    TreeSet<String> violations = new TreeSet<>();
    for (Edge edge : edges) {
      String from = edge.fromPackage();
      String to = edge.toPackage();
      Set<String> allowed = ALLOWED.get(from);
      if (allowed == null) {
        violations.add(edge + " (" + from + " is not in the table)");
      } else if (!from.equals(to) && !allowed.contains(to) && !isEntryPoint(edge)) {
        violations.add(edge + " (" + named(from) + " may not use " + named(to) + ")");
      }
    }
    return List.copyOf(violations);
  }

  private static String named(String relativePackage) {
    return relativePackage.isEmpty() ? ROOT : relativePackage;
  }

  /** Tusk (and any class nested in it) may reach internal.client, to open connections. */
  private static boolean isEntryPoint(Edge edge) {
    String outer = edge.from().split("\\$", 2)[0];
    return outer.equals(ENTRY_POINT) && edge.toPackage().equals("internal.client");
  }
}
