package dev.tusk.internal.client;

import dev.tusk.Preparation;
import dev.tusk.Query;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.query.ParsedSql;
import dev.tusk.internal.query.PlaceholderParser;
import dev.tusk.sql.Literal;
import dev.tusk.sql.SqlContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;

/**
 * Client-side binding: a statement's placeholders replaced by its values as SQL literals, rendered
 * by {@link Literal} (and so by the one quoting routine), for statements the server cannot give
 * parameters to ({@code SET}, DDL, {@code LISTEN}, {@code DO}). Placeholders are found by the same
 * parser as for server-side binding, which skips quoted text and comments.
 */
final class ClientBinding {

  private final SqlContext context;
  private final BooleanSupplier standardConformingStrings;

  /**
   * @param context the codecs literals are written with
   * @param standardConformingStrings the server's setting as last reported, read at each execute
   */
  ClientBinding(SqlContext context, BooleanSupplier standardConformingStrings) {
    this.context = context;
    this.standardConformingStrings = standardConformingStrings;
  }

  /** {@code query} with its {@code $n} placeholders replaced by {@code params}. */
  Query render(Query query, Object[] params) {
    ParsedSql parsed = parse(query);
    Object[] values = params == null ? new Object[0] : params;
    if (parsed.isNamed() && values.length > 0) {
      throw new ProgrammingError(
          "the statement uses named placeholders; pass the values in a Map, not in order");
    }
    parsed.checkCount(values.length);
    return rendered(query, parsed, values);
  }

  /** {@code query} with its {@code :name} placeholders replaced by {@code params}. */
  Query render(Query query, Map<String, ?> params) {
    ParsedSql parsed = parse(query);
    return rendered(query, parsed, parsed.bind(params == null ? Map.of() : params));
  }

  /**
   * Each parameter set rendered into {@code query}, joined into one script (one round trip, one
   * implicit transaction). A set is an {@code Object[]}, a List or a Map.
   */
  Query renderMany(Query query, List<?> paramSets) {
    StringJoiner script = new StringJoiner(";\n");
    for (Object set : paramSets) {
      Query rendered;
      if (set instanceof Map<?, ?> named) {
        rendered = render(query, stringKeys(named));
      } else if (set instanceof List<?> list) {
        rendered = render(query, list.toArray());
      } else if (set instanceof Object[] array) {
        rendered = render(query, array);
      } else {
        throw new ProgrammingError(
            "a parameter set must be an Object[], a List or a Map, not "
                + (set == null ? "null" : "a " + set.getClass().getName()));
      }
      script.add(rendered.sql());
    }
    return new Query(script.toString(), Preparation.NEVER, query.timeout());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> stringKeys(Map<?, ?> named) {
    return (Map<String, ?>) named;
  }

  /**
   * The parser reads {@code '...'} as the server does with {@code standard_conforming_strings} on.
   * With it off, a backslash before a quote would end the string in one reading and not in the
   * other, and a value could land inside (or outside) a string the server sees differently: such
   * text is refused rather than guessed at.
   */
  private ParsedSql parse(Query query) {
    if (!standardConformingStrings.getAsBoolean() && query.sql().indexOf('\\') >= 0) {
      throw new ProgrammingError(
          "client-side binding refuses SQL text that holds a backslash while the server has"
              + " standard_conforming_strings off: pass such text as a value, or turn the setting"
              + " on");
    }
    return PlaceholderParser.parse(query.sql());
  }

  private Query rendered(Query query, ParsedSql parsed, Object[] values) {
    List<String> literals = new ArrayList<>(values.length);
    for (Object value : values) {
      literals.add(Literal.of(value).asString(context));
    }
    // Each rendering is a new text: preparing it would only fill the statement cache.
    Preparation prepare =
        query.prepare() == Preparation.AUTOMATIC ? Preparation.NEVER : query.prepare();
    return new Query(parsed.inline(literals), prepare, query.timeout());
  }
}
