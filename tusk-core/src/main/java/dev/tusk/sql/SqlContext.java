package dev.tusk.sql;

import dev.tusk.types.TypeRegistry;
import java.util.Objects;

/**
 * What rendering a {@link Composable} depends on: whether the server reads backslashes in {@code
 * '...'} literally, and the codecs that write non-string {@link Literal}s as text. A {@code
 * dev.tusk.Connection} is one, so {@code composable.asString(conn)} renders for that connection.
 */
public interface SqlContext {

  /**
   * Whether the server has {@code standard_conforming_strings} on (backslashes in {@code '...'} are
   * ordinary characters). When unsure, answer false: literals are then written in a form that reads
   * the same either way.
   */
  boolean standardConformingStrings();

  /** The codecs that render {@link Literal}s of types other than strings, numbers and booleans. */
  TypeRegistry types();

  /** A context with these settings, for rendering without a connection (tests, logs). */
  static SqlContext of(boolean standardConformingStrings, TypeRegistry types) {
    Objects.requireNonNull(types, "types");
    record Fixed(boolean standardConformingStrings, TypeRegistry types) implements SqlContext {}
    return new Fixed(standardConformingStrings, types);
  }
}
