package dev.tusk.internal.client;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.SyntaxError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.query.ParsedSql;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explains a server's syntax error in a statement that holds another driver's placeholder ({@code
 * ?} or {@code %s}) and none of Tusk's: the likeliest cause is a placeholder the server cannot
 * read. The error keeps its class and the server's fields; a hint is added unless the server gave
 * one. Only a syntax error is explained, so a valid {@code ?} operator is never second-guessed.
 */
final class PlaceholderHint {

  private PlaceholderHint() {}

  /** {@code error}, or an error of the same class with the hint, and {@code error} as its cause. */
  static TuskException explain(ParsedSql parsed, TuskException error) {
    String foreign = parsed.foreignPlaceholder();
    if (!(error instanceof SyntaxError syntax)
        || foreign == null
        || parsed.parameterCount() > 0
        || syntax.diagnostic().messageHint() != null) {
      return error;
    }
    Map<Character, String> fields = new LinkedHashMap<>(syntax.diagnostic().fields());
    fields.put(
        'H',
        "(from Tusk) "
            + foreign
            + " is not a placeholder here: write $1, $2, ... (or :name with a Map) and pass the"
            + " values as parameters");
    return SqlStates.toException(Diagnostic.of(fields), error);
  }
}
