package dev.tusk.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's opening facts, as label and text in order.
 *
 * @param title the report's title
 * @param facts label to text, e.g. "JDK" to "Temurin 25.0.3"
 */
public record Header(String title, Map<String, String> facts) {

  /** Copies the map, keeping its order. */
  public Header {
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }
}
