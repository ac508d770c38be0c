package dev.tusk.sql;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a {@link SQL#format} template: text with {@code {}}, {@code {0}} and {@code {name}}. */
final class FormatString {

  private final String template;
  private final List<Composable> parts = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private int nextAutomatic;
  private boolean numberedByHand;

  FormatString(String template) {
    this.template = template;
  }

  Composed fill(List<?> positional, Map<String, ?> named) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      char next = i + 1 < template.length() ? template.charAt(i + 1) : '\0';
      if ((c == '{' && next == '{') || (c == '}' && next == '}')) {
        text.append(c);
        i += 2;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw malformed("a '{' at index " + i + " is never closed");
        }
        flushText();
        parts.add(SQL.composable(argument(template.substring(i + 1, close), positional, named)));
        i = close + 1;
      } else if (c == '}') {
        throw malformed("a single '}' at index " + i + "; write '}}' for a brace");
      } else {
        text.append(c);
        i++;
      }
    }
    flushText();
    return new Composed(parts);
  }

  private Object argument(String gap, List<?> positional, Map<String, ?> named) {
    if (gap.isEmpty()) {
      if (numberedByHand) {
        throw malformed("'{}' after '{n}': number the gaps either automatically or by hand");
      }
      return positional(nextAutomatic++, positional);
    }
    if (gap.length() < 6 && gap.chars().allMatch(Character::isDigit)) {
      if (nextAutomatic > 0) {
        throw malformed(
            "'{" + gap + "}' after '{}': number the gaps either automatically or by hand");
      }
      numberedByHand = true;
      return positional(Integer.parseInt(gap), positional);
    }
    if (!named.containsKey(gap)) {
      throw malformed(
          "no argument named '" + gap + "'" + (named.isEmpty() ? "; pass a Map to format" : ""));
    }
    return named.get(gap);
  }

  private Object positional(int index, List<?> positional) {
    if (index >= positional.size()) {
      throw malformed(
          "the template needs argument " + index + " but " + positional.size() + " were given");
    }
    return positional.get(index);
  }

  private void flushText() {
    if (!text.isEmpty()) {
      parts.add(SQL.of(text.toString()));
      text.setLength(0);
    }
  }

  private ProgrammingError malformed(String reason) {
    return new ProgrammingError("SQL.format: " + reason);
  }
}
